#version 440 core
in V_generic0 { flat vec4 d; } fs_in_generic0;
in V_generic1 { flat vec4 d; } fs_in_generic1;
vec4 o0 = vec4(0.0);
layout(location = 0) out vec4 fs_color0;
vec4 t0 = vec4(0.0);
vec4 t1 = vec4(0.0);
vec4 t2 = vec4(0.0);
vec4 t3 = vec4(0.0);
vec4 t4 = vec4(0.0);
vec4 t5 = vec4(0.0);
void pyv_store_outputs()
{
    fs_color0 = o0;
}
void main()
{
    t2.xy = fs_in_generic1.d.zw;
    o0.x = float(packDouble2x32(floatBitsToUint(t2.xy)));
    t2.xy = fs_in_generic0.d.xy;
    o0.y = float(packDouble2x32(floatBitsToUint(t2.xy)));
    t2.xy = fs_in_generic0.d.zw;
    t0.x = float(packDouble2x32(floatBitsToUint(t2.xy)));
    t2.xy = fs_in_generic1.d.xy;
    t1.x = float(packDouble2x32(floatBitsToUint(t2.xy)));
    o0.z = t0.x;
    o0.w = t1.x;
    pyv_store_outputs();
    return;
}
