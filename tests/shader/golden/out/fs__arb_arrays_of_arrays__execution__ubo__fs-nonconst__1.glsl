#version 330 core
vec4 o0 = vec4(0.0);
layout(location = 0) out vec4 fs_color0;
layout(std140) uniform fs_cb0 { uvec4 fs_c0[2]; };
layout(std140) uniform fs_cb1 { uvec4 fs_c1[2]; };
layout(std140) uniform fs_cb2 { uvec4 fs_c2[2]; };
layout(std140) uniform fs_cb3 { uvec4 fs_c3[2]; };
layout(std140) uniform fs_cb4 { uvec4 fs_c4[2]; };
layout(std140) uniform fs_cb5 { uvec4 fs_c5[2]; };
layout(std140) uniform fs_cb6 { uvec4 fs_c6[2]; };
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
ivec4 addr0 = ivec4(0);
ivec4 addr1 = ivec4(0);
uvec4 fs_cb_at(int b, int i)
{
  switch (b) {
    case 0: return fs_c0[clamp(i, 0, 1)];
    case 1: return fs_c1[clamp(i, 0, 1)];
    case 2: return fs_c2[clamp(i, 0, 1)];
    case 3: return fs_c3[clamp(i, 0, 1)];
    case 4: return fs_c4[clamp(i, 0, 1)];
    case 5: return fs_c5[clamp(i, 0, 1)];
    case 6: return fs_c6[clamp(i, 0, 1)];
    default: return uvec4(0u);
  }
}
void pyv_store_outputs()
{
    fs_color0 = o0;
}
void main()
{
    t0.x = uintBitsToFloat(min(fs_c0[1].x, 1u));
    t1.x = uintBitsToFloat(min(fs_c0[0].x, 2u));
    t2.x = uintBitsToFloat((floatBitsToUint(t1.x) << (1u & 31u)));
    t3.x = uintBitsToFloat((floatBitsToUint(t0.x) + 1u));
    t4.x = uintBitsToFloat((floatBitsToUint(t3.x) + floatBitsToUint(t2.x)));
    t5.x = uintBitsToFloat((fs_c0[1].x & 268435455u));
    t6 = uintBitsToFloat((floatBitsToUint(t4.xxxx) + uvec4(4294967295u)));
    addr1.x = int(floatBitsToUint(t6.x));
    addr0.x = int(floatBitsToUint(t5.x));
    o0 = uintBitsToFloat(fs_cb_at(addr1.x + 1, addr0.x).xyzw);
    pyv_store_outputs();
    return;
}
