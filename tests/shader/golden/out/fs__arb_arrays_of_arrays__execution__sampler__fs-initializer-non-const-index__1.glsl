#version 400 core
vec4 o0 = vec4(0.0);
layout(location = 0) out vec4 fs_color0;
layout(std140) uniform fs_cb0 { uvec4 fs_c0[2]; };
uniform sampler2D fs_samps[4];
vec4 t0 = vec4(0.0);
vec4 t1 = vec4(0.0);
vec4 t2 = vec4(0.0);
vec4 t3 = vec4(0.0);
vec4 t4 = vec4(0.0);
vec4 t5 = vec4(0.0);
vec4 t6 = vec4(0.0);
ivec4 addr0 = ivec4(0);
ivec4 addr1 = ivec4(0);
ivec4 addr2 = ivec4(0);
void pyv_store_outputs()
{
    fs_color0 = o0;
}
void main()
{
    t0.x = uintBitsToFloat((fs_c0[0].x << (1u & 31u)));
    t1.x = uintBitsToFloat((fs_c0[1].x + floatBitsToUint(t0.x)));
    t2.x = uintBitsToFloat(min(floatBitsToUint(t1.x), 3u));
    addr2.x = int(floatBitsToUint(t2.x));
    t3 = uintBitsToFloat(uvec4(1u, 3u, 1061158912u, 1048576000u));
    o0 = texture(fs_samps[clamp(addr2.x, 0, 3)], t3.zw).xyzw;
    pyv_store_outputs();
    return;
}
