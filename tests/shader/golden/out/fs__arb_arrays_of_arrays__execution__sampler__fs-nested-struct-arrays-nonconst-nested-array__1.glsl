#version 400 core
vec4 o0 = vec4(0.0);
layout(location = 0) out vec4 fs_color0;
layout(std140) uniform fs_cb0 { uvec4 fs_c0[2]; };
uniform sampler2D fs_samps[16];
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
vec4 t12 = vec4(0.0);
vec4 t13 = vec4(0.0);
vec4 t14 = vec4(0.0);
vec4 t15 = vec4(0.0);
vec4 t16 = vec4(0.0);
ivec4 addr0 = ivec4(0);
ivec4 addr1 = ivec4(0);
ivec4 addr2 = ivec4(0);
void pyv_store_outputs()
{
    fs_color0 = o0;
}
void main()
{
    t0.xyz = intBitsToFloat((-ivec3(equal(fs_c0[1].xxx, uvec3(0u, 1u, 2u)))));
    t1.x = t0.y;
    t2.x = t0.z;
    t3.x = t0.x;
    if (floatBitsToUint(t3.x) != 0u) {
        t4.x = uintBitsToFloat((3u * fs_c0[0].x));
        t5.x = uintBitsToFloat((fs_c0[0].x + floatBitsToUint(t4.x)));
        t6.x = uintBitsToFloat(min(floatBitsToUint(t5.x), 5u));
        addr2.x = int(floatBitsToUint(t6.x));
        t13 = uintBitsToFloat(uvec4(5u, 1061158912u, 1048576000u, 0u));
        o0 = texture(fs_samps[clamp(addr2.x + 8, 0, 15)], t13.yz).xyzw;
    } else {
        if (floatBitsToUint(t1.x) != 0u) {
            t7.x = uintBitsToFloat((fs_c0[0].x << (1u & 31u)));
            t8.x = uintBitsToFloat((fs_c0[0].x + floatBitsToUint(t7.x)));
            t9.x = uintBitsToFloat(min(floatBitsToUint(t8.x), 3u));
            addr2.x = int(floatBitsToUint(t9.x));
            t13 = uintBitsToFloat(uvec4(5u, 1061158912u, 1048576000u, 0u));
            t10 = texture(fs_samps[clamp(addr2.x, 0, 15)], t13.yz).xyzw;
            addr2.x = int(floatBitsToUint(t9.x));
            t13 = uintBitsToFloat(uvec4(5u, 1061158912u, 1048576000u, 0u));
            t11 = texture(fs_samps[clamp(addr2.x + 4, 0, 15)], t13.yz).xyzw;
            o0 = (t10.xyzw + t11.xyzw);
        } else {
            if (floatBitsToUint(t2.x) != 0u) {
                t12.x = uintBitsToFloat(min(fs_c0[0].x, 1u));
                addr2.x = int(floatBitsToUint(t12.x));
                t13 = uintBitsToFloat(uvec4(5u, 1061158912u, 1048576000u, 0u));
                o0 = texture(fs_samps[clamp(addr2.x + 14, 0, 15)], t13.yz).xyzw;
            }
        }
    }
    pyv_store_outputs();
    return;
}
