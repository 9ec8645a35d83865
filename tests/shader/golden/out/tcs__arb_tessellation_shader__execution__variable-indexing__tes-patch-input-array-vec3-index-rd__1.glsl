#version 450 core
layout(vertices = 4) out;
patch out V_patch0 { vec4 d; } tc_out_patch0;
patch out V_patch1 { vec4 d; } tc_out_patch1;
patch out V_patch2 { vec4 d; } tc_out_patch2;
patch out V_patch3 { vec4 d; } tc_out_patch3;
patch out V_patch4 { vec4 d; } tc_out_patch4;
patch out V_patch5 { vec4 d; } tc_out_patch5;
patch out V_patch6 { vec4 d; } tc_out_patch6;
patch out V_patch7 { vec4 d; } tc_out_patch7;
patch out V_patch8 { vec4 d; } tc_out_patch8;
patch out V_patch9 { vec4 d; } tc_out_patch9;
patch out V_patch10 { vec4 d; } tc_out_patch10;
patch out V_patch11 { vec4 d; } tc_out_patch11;
patch out V_patch12 { vec4 d; } tc_out_patch12;
patch out V_patch13 { vec4 d; } tc_out_patch13;
patch out V_patch14 { vec4 d; } tc_out_patch14;
patch out V_patch15 { vec4 d; } tc_out_patch15;
patch out V_patch16 { vec4 d; } tc_out_patch16;
patch out V_patch17 { vec4 d; } tc_out_patch17;
patch out V_patch18 { vec4 d; } tc_out_patch18;
patch out V_patch19 { vec4 d; } tc_out_patch19;
patch out V_patch20 { vec4 d; } tc_out_patch20;
patch out V_patch21 { vec4 d; } tc_out_patch21;
patch out V_patch22 { vec4 d; } tc_out_patch22;
patch out V_patch23 { vec4 d; } tc_out_patch23;
patch out V_patch24 { vec4 d; } tc_out_patch24;
patch out V_patch25 { vec4 d; } tc_out_patch25;
patch out V_patch26 { vec4 d; } tc_out_patch26;
patch out V_patch27 { vec4 d; } tc_out_patch27;
patch out V_patch28 { vec4 d; } tc_out_patch28;
patch out V_patch29 { vec4 d; } tc_out_patch29;
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
ivec4 addr0 = ivec4(0);
ivec4 addr1 = ivec4(0);
void main()
{
    t0.x = uintBitsToFloat(0u);
    while (true) {
        t2.x = intBitsToFloat((-int((floatBitsToInt(t0.x) >= 16))));
        if (floatBitsToUint(t2.x) != 0u) {
            break;
        }
        t3.x = float(floatBitsToInt(t0.x));
        t4.xyz = (vec3(1.0, 1.100000023841858, 1.2000000476837158) + t3.xxx);
        addr0.x = int(floatBitsToUint(t0.x));
        vec3 ov_1 = t4.xyz;
        switch (addr0.x + 3) {
        case 0:
        gl_out[gl_InvocationID].gl_Position.x = ov_1.x;
        gl_out[gl_InvocationID].gl_Position.y = ov_1.y;
        gl_out[gl_InvocationID].gl_Position.z = ov_1.z;
          break;
        case 1:
        gl_TessLevelOuter[0] = ov_1.x;
        gl_TessLevelOuter[1] = ov_1.y;
        gl_TessLevelOuter[2] = ov_1.z;
          break;
        case 2:
        gl_TessLevelInner[0] = ov_1.x;
        gl_TessLevelInner[1] = ov_1.y;
          break;
        case 3:
        tc_out_patch0.d.x = ov_1.x;
        tc_out_patch0.d.y = ov_1.y;
        tc_out_patch0.d.z = ov_1.z;
          break;
        case 4:
        tc_out_patch1.d.x = ov_1.x;
        tc_out_patch1.d.y = ov_1.y;
        tc_out_patch1.d.z = ov_1.z;
          break;
        case 5:
        tc_out_patch2.d.x = ov_1.x;
        tc_out_patch2.d.y = ov_1.y;
        tc_out_patch2.d.z = ov_1.z;
          break;
        case 6:
        tc_out_patch3.d.x = ov_1.x;
        tc_out_patch3.d.y = ov_1.y;
        tc_out_patch3.d.z = ov_1.z;
          break;
        case 7:
        tc_out_patch4.d.x = ov_1.x;
        tc_out_patch4.d.y = ov_1.y;
        tc_out_patch4.d.z = ov_1.z;
          break;
        case 8:
        tc_out_patch5.d.x = ov_1.x;
        tc_out_patch5.d.y = ov_1.y;
        tc_out_patch5.d.z = ov_1.z;
          break;
        case 9:
        tc_out_patch6.d.x = ov_1.x;
        tc_out_patch6.d.y = ov_1.y;
        tc_out_patch6.d.z = ov_1.z;
          break;
        case 10:
        tc_out_patch7.d.x = ov_1.x;
        tc_out_patch7.d.y = ov_1.y;
        tc_out_patch7.d.z = ov_1.z;
          break;
        case 11:
        tc_out_patch8.d.x = ov_1.x;
        tc_out_patch8.d.y = ov_1.y;
        tc_out_patch8.d.z = ov_1.z;
          break;
        case 12:
        tc_out_patch9.d.x = ov_1.x;
        tc_out_patch9.d.y = ov_1.y;
        tc_out_patch9.d.z = ov_1.z;
          break;
        case 13:
        tc_out_patch10.d.x = ov_1.x;
        tc_out_patch10.d.y = ov_1.y;
        tc_out_patch10.d.z = ov_1.z;
          break;
        case 14:
        tc_out_patch11.d.x = ov_1.x;
        tc_out_patch11.d.y = ov_1.y;
        tc_out_patch11.d.z = ov_1.z;
          break;
        case 15:
        tc_out_patch12.d.x = ov_1.x;
        tc_out_patch12.d.y = ov_1.y;
        tc_out_patch12.d.z = ov_1.z;
          break;
        case 16:
        tc_out_patch13.d.x = ov_1.x;
        tc_out_patch13.d.y = ov_1.y;
        tc_out_patch13.d.z = ov_1.z;
          break;
        case 17:
        tc_out_patch14.d.x = ov_1.x;
        tc_out_patch14.d.y = ov_1.y;
        tc_out_patch14.d.z = ov_1.z;
          break;
        case 18:
        tc_out_patch15.d.x = ov_1.x;
        tc_out_patch15.d.y = ov_1.y;
        tc_out_patch15.d.z = ov_1.z;
          break;
        case 19:
        tc_out_patch16.d.x = ov_1.x;
        tc_out_patch16.d.y = ov_1.y;
        tc_out_patch16.d.z = ov_1.z;
          break;
        case 20:
        tc_out_patch17.d.x = ov_1.x;
        tc_out_patch17.d.y = ov_1.y;
        tc_out_patch17.d.z = ov_1.z;
          break;
        case 21:
        tc_out_patch18.d.x = ov_1.x;
        tc_out_patch18.d.y = ov_1.y;
        tc_out_patch18.d.z = ov_1.z;
          break;
        case 22:
        tc_out_patch19.d.x = ov_1.x;
        tc_out_patch19.d.y = ov_1.y;
        tc_out_patch19.d.z = ov_1.z;
          break;
        case 23:
        tc_out_patch20.d.x = ov_1.x;
        tc_out_patch20.d.y = ov_1.y;
        tc_out_patch20.d.z = ov_1.z;
          break;
        case 24:
        tc_out_patch21.d.x = ov_1.x;
        tc_out_patch21.d.y = ov_1.y;
        tc_out_patch21.d.z = ov_1.z;
          break;
        case 25:
        tc_out_patch22.d.x = ov_1.x;
        tc_out_patch22.d.y = ov_1.y;
        tc_out_patch22.d.z = ov_1.z;
          break;
        case 26:
        tc_out_patch23.d.x = ov_1.x;
        tc_out_patch23.d.y = ov_1.y;
        tc_out_patch23.d.z = ov_1.z;
          break;
        case 27:
        tc_out_patch24.d.x = ov_1.x;
        tc_out_patch24.d.y = ov_1.y;
        tc_out_patch24.d.z = ov_1.z;
          break;
        case 28:
        tc_out_patch25.d.x = ov_1.x;
        tc_out_patch25.d.y = ov_1.y;
        tc_out_patch25.d.z = ov_1.z;
          break;
        case 29:
        tc_out_patch26.d.x = ov_1.x;
        tc_out_patch26.d.y = ov_1.y;
        tc_out_patch26.d.z = ov_1.z;
          break;
        case 30:
        tc_out_patch27.d.x = ov_1.x;
        tc_out_patch27.d.y = ov_1.y;
        tc_out_patch27.d.z = ov_1.z;
          break;
        case 31:
        tc_out_patch28.d.x = ov_1.x;
        tc_out_patch28.d.y = ov_1.y;
        tc_out_patch28.d.z = ov_1.z;
          break;
        case 32:
        tc_out_patch29.d.x = ov_1.x;
        tc_out_patch29.d.y = ov_1.y;
        tc_out_patch29.d.z = ov_1.z;
          break;
        }
        t0.x = uintBitsToFloat((floatBitsToUint(t0.x) + 1u));
    }
    t1.x = uintBitsToFloat(0u);
    while (true) {
        t5.x = intBitsToFloat((-int((floatBitsToInt(t1.x) >= 14))));
        if (floatBitsToUint(t5.x) != 0u) {
            break;
        }
        t6.x = uintBitsToFloat((16u + floatBitsToUint(t1.x)));
        t7.x = float(floatBitsToInt(t6.x));
        t8.xyz = (vec3(1.0, 1.100000023841858, 1.2000000476837158) + t7.xxx);
        addr0.x = int(floatBitsToUint(t1.x));
        vec3 ov_2 = t8.xyz;
        switch (addr0.x + 19) {
        case 0:
        gl_out[gl_InvocationID].gl_Position.x = ov_2.x;
        gl_out[gl_InvocationID].gl_Position.y = ov_2.y;
        gl_out[gl_InvocationID].gl_Position.z = ov_2.z;
          break;
        case 1:
        gl_TessLevelOuter[0] = ov_2.x;
        gl_TessLevelOuter[1] = ov_2.y;
        gl_TessLevelOuter[2] = ov_2.z;
          break;
        case 2:
        gl_TessLevelInner[0] = ov_2.x;
        gl_TessLevelInner[1] = ov_2.y;
          break;
        case 3:
        tc_out_patch0.d.x = ov_2.x;
        tc_out_patch0.d.y = ov_2.y;
        tc_out_patch0.d.z = ov_2.z;
          break;
        case 4:
        tc_out_patch1.d.x = ov_2.x;
        tc_out_patch1.d.y = ov_2.y;
        tc_out_patch1.d.z = ov_2.z;
          break;
        case 5:
        tc_out_patch2.d.x = ov_2.x;
        tc_out_patch2.d.y = ov_2.y;
        tc_out_patch2.d.z = ov_2.z;
          break;
        case 6:
        tc_out_patch3.d.x = ov_2.x;
        tc_out_patch3.d.y = ov_2.y;
        tc_out_patch3.d.z = ov_2.z;
          break;
        case 7:
        tc_out_patch4.d.x = ov_2.x;
        tc_out_patch4.d.y = ov_2.y;
        tc_out_patch4.d.z = ov_2.z;
          break;
        case 8:
        tc_out_patch5.d.x = ov_2.x;
        tc_out_patch5.d.y = ov_2.y;
        tc_out_patch5.d.z = ov_2.z;
          break;
        case 9:
        tc_out_patch6.d.x = ov_2.x;
        tc_out_patch6.d.y = ov_2.y;
        tc_out_patch6.d.z = ov_2.z;
          break;
        case 10:
        tc_out_patch7.d.x = ov_2.x;
        tc_out_patch7.d.y = ov_2.y;
        tc_out_patch7.d.z = ov_2.z;
          break;
        case 11:
        tc_out_patch8.d.x = ov_2.x;
        tc_out_patch8.d.y = ov_2.y;
        tc_out_patch8.d.z = ov_2.z;
          break;
        case 12:
        tc_out_patch9.d.x = ov_2.x;
        tc_out_patch9.d.y = ov_2.y;
        tc_out_patch9.d.z = ov_2.z;
          break;
        case 13:
        tc_out_patch10.d.x = ov_2.x;
        tc_out_patch10.d.y = ov_2.y;
        tc_out_patch10.d.z = ov_2.z;
          break;
        case 14:
        tc_out_patch11.d.x = ov_2.x;
        tc_out_patch11.d.y = ov_2.y;
        tc_out_patch11.d.z = ov_2.z;
          break;
        case 15:
        tc_out_patch12.d.x = ov_2.x;
        tc_out_patch12.d.y = ov_2.y;
        tc_out_patch12.d.z = ov_2.z;
          break;
        case 16:
        tc_out_patch13.d.x = ov_2.x;
        tc_out_patch13.d.y = ov_2.y;
        tc_out_patch13.d.z = ov_2.z;
          break;
        case 17:
        tc_out_patch14.d.x = ov_2.x;
        tc_out_patch14.d.y = ov_2.y;
        tc_out_patch14.d.z = ov_2.z;
          break;
        case 18:
        tc_out_patch15.d.x = ov_2.x;
        tc_out_patch15.d.y = ov_2.y;
        tc_out_patch15.d.z = ov_2.z;
          break;
        case 19:
        tc_out_patch16.d.x = ov_2.x;
        tc_out_patch16.d.y = ov_2.y;
        tc_out_patch16.d.z = ov_2.z;
          break;
        case 20:
        tc_out_patch17.d.x = ov_2.x;
        tc_out_patch17.d.y = ov_2.y;
        tc_out_patch17.d.z = ov_2.z;
          break;
        case 21:
        tc_out_patch18.d.x = ov_2.x;
        tc_out_patch18.d.y = ov_2.y;
        tc_out_patch18.d.z = ov_2.z;
          break;
        case 22:
        tc_out_patch19.d.x = ov_2.x;
        tc_out_patch19.d.y = ov_2.y;
        tc_out_patch19.d.z = ov_2.z;
          break;
        case 23:
        tc_out_patch20.d.x = ov_2.x;
        tc_out_patch20.d.y = ov_2.y;
        tc_out_patch20.d.z = ov_2.z;
          break;
        case 24:
        tc_out_patch21.d.x = ov_2.x;
        tc_out_patch21.d.y = ov_2.y;
        tc_out_patch21.d.z = ov_2.z;
          break;
        case 25:
        tc_out_patch22.d.x = ov_2.x;
        tc_out_patch22.d.y = ov_2.y;
        tc_out_patch22.d.z = ov_2.z;
          break;
        case 26:
        tc_out_patch23.d.x = ov_2.x;
        tc_out_patch23.d.y = ov_2.y;
        tc_out_patch23.d.z = ov_2.z;
          break;
        case 27:
        tc_out_patch24.d.x = ov_2.x;
        tc_out_patch24.d.y = ov_2.y;
        tc_out_patch24.d.z = ov_2.z;
          break;
        case 28:
        tc_out_patch25.d.x = ov_2.x;
        tc_out_patch25.d.y = ov_2.y;
        tc_out_patch25.d.z = ov_2.z;
          break;
        case 29:
        tc_out_patch26.d.x = ov_2.x;
        tc_out_patch26.d.y = ov_2.y;
        tc_out_patch26.d.z = ov_2.z;
          break;
        case 30:
        tc_out_patch27.d.x = ov_2.x;
        tc_out_patch27.d.y = ov_2.y;
        tc_out_patch27.d.z = ov_2.z;
          break;
        case 31:
        tc_out_patch28.d.x = ov_2.x;
        tc_out_patch28.d.y = ov_2.y;
        tc_out_patch28.d.z = ov_2.z;
          break;
        case 32:
        tc_out_patch29.d.x = ov_2.x;
        tc_out_patch29.d.y = ov_2.y;
        tc_out_patch29.d.z = ov_2.z;
          break;
        }
        t1.x = uintBitsToFloat((floatBitsToUint(t1.x) + 1u));
    }
    addr1.x = int(uint(ivec4(gl_InvocationID, 0, 0, 0).x));
    t9 = gl_in[clamp(addr1.x, 0, 31)].gl_Position.xyzw;
    addr1.x = int(uint(ivec4(gl_InvocationID, 0, 0, 0).x));
    vec4 ov_3 = t9.xyzw;
    gl_out[gl_InvocationID].gl_Position.x = ov_3.x;
    gl_out[gl_InvocationID].gl_Position.y = ov_3.y;
    gl_out[gl_InvocationID].gl_Position.z = ov_3.z;
    gl_out[gl_InvocationID].gl_Position.w = ov_3.w;
    gl_TessLevelOuter[0] = uintBitsToFloat(1065353216u);
    gl_TessLevelOuter[1] = uintBitsToFloat(1065353216u);
    gl_TessLevelOuter[2] = uintBitsToFloat(1065353216u);
    gl_TessLevelOuter[3] = uintBitsToFloat(1065353216u);
    gl_TessLevelInner[0] = uintBitsToFloat(1065353216u);
    gl_TessLevelInner[1] = uintBitsToFloat(1065353216u);
    return;
}
