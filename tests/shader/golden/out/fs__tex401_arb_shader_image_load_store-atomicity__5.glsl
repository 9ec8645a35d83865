#version 420 core
vec4 o0 = vec4(0.0);
layout(location = 0) out vec4 fs_color0;
layout(r32ui) uniform uimage1D fs_img0;
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
void pyv_store_outputs()
{
    fs_color0 = o0;
}
void main()
{
    t1.x = uintBitsToFloat(1u);
    t0.x = uintBitsToFloat(0u);
    while (true) {
        t3.x = uintBitsToFloat(0u);
        t2.x = uintBitsToFloat(imageAtomicMax(fs_img0, floatBitsToInt(t3.x), floatBitsToUint(t1.x)));
        t5.x = intBitsToFloat((-int((floatBitsToUint(t2.x) == floatBitsToUint(t0.x)))));
        if (floatBitsToUint(t5.x) != 0u) {
            break;
        }
        t1.x = uintBitsToFloat((floatBitsToUint(t2.x) + 1u));
        t0.x = t2.x;
    }
    o0.x = t2.x;
    o0.yzw = uintBitsToFloat(uvec3(0u, 0u, 1u));
    pyv_store_outputs();
    return;
}
