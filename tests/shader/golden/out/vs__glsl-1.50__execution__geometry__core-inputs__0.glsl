#version 330 core
layout(location = 0) in vec4 vs_in0;
vec4 o0 = vec4(0.0);
vec4 o1 = vec4(0.0);
vec4 o2 = vec4(0.0);
vec4 o3 = vec4(0.0);
vec4 t0 = vec4(0.0);
vec4 t1 = vec4(0.0);
vec4 t2 = vec4(0.0);
vec4 t3 = vec4(0.0);
vec4 t4 = vec4(0.0);
vec4 t5 = vec4(0.0);
vec4 t6 = vec4(0.0);
vec4 t7 = vec4(0.0);
out float gl_ClipDistance[8];
void pyv_store_outputs()
{
    gl_Position = o0;
    gl_PointSize = o1.x;
    gl_ClipDistance[0] = o2.x;
    gl_ClipDistance[1] = o2.y;
    gl_ClipDistance[2] = o2.z;
    gl_ClipDistance[3] = o2.w;
    gl_ClipDistance[4] = o3.x;
    gl_ClipDistance[5] = o3.y;
    gl_ClipDistance[6] = o3.z;
    gl_ClipDistance[7] = o3.w;
}
void main()
{
    o0 = (vs_in0.xxxx + vec4(0.0, 1.0, 2.0, 3.0));
    t0 = (vs_in0.xxxx + vec4(4.0, 5.0, 6.0, 7.0));
    t1 = (vs_in0.xxxx + vec4(8.0, 9.0, 10.0, 11.0));
    t7.w = (vs_in0.x + 12.0);
    o3 = t7.xyzw;
    t6.xyz = t0.yzw;
    o2 = t6.xyzw;
    t6.w = t1.x;
    o2 = t6.xyzw;
    t7.xyz = t1.yzw;
    o3 = t7.xyzw;
    o1.x = t0.x;
    pyv_store_outputs();
    return;
}
