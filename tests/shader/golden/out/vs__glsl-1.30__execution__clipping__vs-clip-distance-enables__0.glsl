#version 330 core
layout(location = 0) in vec4 vs_in0;
vec4 o0 = vec4(0.0);
vec4 o1 = vec4(0.0);
vec4 o2 = vec4(0.0);
layout(std140) uniform vs_cb0 { uvec4 vs_c0[4]; };
vec4 t0 = vec4(0.0);
vec4 t1 = vec4(0.0);
vec4 t2 = vec4(0.0);
vec4 t3 = vec4(0.0);
vec4 t4 = vec4(0.0);
vec4 t5 = vec4(0.0);
vec4 t6 = vec4(0.0);
vec4 t7 = vec4(0.0);
vec4 t8 = vec4(0.0);
vec4 t9 = vec4(0.0);
vec4 t10 = vec4(0.0);
vec4 t11 = vec4(0.0);
out float gl_ClipDistance[6];
void pyv_store_outputs()
{
    gl_Position = o0;
    gl_ClipDistance[0] = o1.x;
    gl_ClipDistance[1] = o1.y;
    gl_ClipDistance[2] = o1.z;
    gl_ClipDistance[3] = o1.w;
    gl_ClipDistance[4] = o2.x;
    gl_ClipDistance[5] = o2.y;
}
void main()
{
    t0 = (uintBitsToFloat(vs_c0[1].xyzw) * vs_in0.yyyy);
    t1 = (uintBitsToFloat(vs_c0[0].xyzw) * vs_in0.xxxx + t0.xyzw);
    t2 = (uintBitsToFloat(vs_c0[2].xyzw) * vs_in0.zzzz + t1.xyzw);
    o0 = (uintBitsToFloat(vs_c0[3].xyzw) * vs_in0.wwww + t2.xyzw);
    t3 = (vs_in0.yyxx + vec4((-0.25), 0.4000000059604645, 0.4000000059604645, (-0.6000000238418579)));
    t4.xy = (vs_in0.xy * vec2((-1.0)) + t3.yz);
    t5.xy = (vs_in0.xy * vec2((-1.0)) + vec2(1.399999976158142, 0.75));
    t10.z = (vs_in0.y * (-1.0) + t5.x);
    o1 = t10.xyzw;
    t11.y = (t3.w + vs_in0.y);
    o2 = t11.xyzw;
    t10.x = t3.x;
    o1 = t10.xyzw;
    t10.y = t4.x;
    o1 = t10.xyzw;
    t10.w = t5.y;
    o1 = t10.xyzw;
    t11.x = t4.y;
    o2 = t11.xyzw;
    t11.zw = uintBitsToFloat(uvec2(0u));
    o2 = t11.xyzw;
    pyv_store_outputs();
    return;
}
