#version 450 core
layout(isolines, equal_spacing, ccw) in;
vec4 o0 = vec4(0.0);
vec4 o1 = vec4(0.0);
out V_generic0 { vec4 d; } te_out_generic0;
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
    te_out_generic0.d = o1;
}
void main()
{
    t0.xy = mix(vec2((-1.0)), vec2(1.0), vec4(gl_TessCoord, 0.0).xy);
    t0.zw = uintBitsToFloat(uvec2(0u, 1065353216u));
    o0 = t0.xyzw;
    t1.x = intBitsToFloat((-int((vec4(gl_TessCoord, 0.0).y == 0.0))));
    t2.x = uintBitsToFloat((floatBitsToUint(t1.x) & 1u));
    o1.x = t2.x;
    pyv_store_outputs();
    return;
}
