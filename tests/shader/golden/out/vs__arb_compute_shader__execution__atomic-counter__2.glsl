#version 330 core
vec4 o0 = vec4(0.0);
layout(std140) uniform vs_cb0 { uvec4 vs_c0[5]; };
vec4 t0 = vec4(0.0);
vec4 t1 = vec4(0.0);
vec4 t2 = vec4(0.0);
vec4 t3 = vec4(0.0);
vec4 t4 = vec4(0.0);
vec4 t5 = vec4(0.0);
vec4 t6 = vec4(0.0);
void pyv_store_outputs()
{
    gl_Position = o0;
}
void main()
{
    t0 = (uintBitsToFloat(vs_c0[4].xxxx) * uintBitsToFloat(vs_c0[0].xyzw));
    t1 = (uintBitsToFloat(vs_c0[4].yyyy) * uintBitsToFloat(vs_c0[1].xyzw) + t0.xyzw);
    t2 = (uintBitsToFloat(vs_c0[4].zzzz) * uintBitsToFloat(vs_c0[2].xyzw) + t1.xyzw);
    o0 = (uintBitsToFloat(vs_c0[4].wwww) * uintBitsToFloat(vs_c0[3].xyzw) + t2.xyzw);
    pyv_store_outputs();
    return;
}
