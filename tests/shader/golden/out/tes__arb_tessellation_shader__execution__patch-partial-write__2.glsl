#version 450 core
layout(quads, equal_spacing, ccw) in;
patch in V_patch0 { vec4 d; } te_in_patch0;
vec4 o0 = vec4(0.0);
vec4 o1 = vec4(0.0);
out V_generic0 { vec4 d; } te_out_generic0;
vec4 t0 = vec4(0.0);
vec4 t1 = vec4(0.0);
vec4 t2 = vec4(0.0);
vec4 t3 = vec4(0.0);
vec4 t4 = vec4(0.0);
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
    o1 = te_in_patch0.d.xyzw;
    pyv_store_outputs();
    return;
}
