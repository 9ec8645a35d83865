#version 400 core
layout(location = 0) in vec4 vs_in0;
vec4 o0 = vec4(0.0);
vec4 o1 = vec4(0.0);
out V_generic0 { vec4 d; } vs_out_generic0;
uniform isamplerCubeArray vs_samp0;
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
    vs_out_generic0.d = o1;
}
void main()
{
    t0.y = (vs_in0.y * (-1.0));
    t0.x = vs_in0.x;
    t0.zw = uintBitsToFloat(uvec2(1065353216u));
    t1 = intBitsToFloat(textureGather(vs_samp0, t0.xyzw, 0).xyzw);
    t2 = vec4(floatBitsToInt(t1.xyzw));
    o1 = (vec4(0.003921568859368563) * t2.xyzw);
    o0 = vs_in0.xyzw;
    pyv_store_outputs();
    return;
}
