import sys, struct, glob, os, hashlib, re
STAGES = {0:'vs',1:'fs',2:'gs',3:'tcs',4:'tes',5:'cs'}
def shaders(path):
    data = open(path,'rb').read()
    pos = 0; pend = {}
    while pos + 8 <= len(data):
        magic, n = struct.unpack_from('<II', data, pos); pos += 8
        if magic != 0xC0DEC0DE: return
        if pos + 4*n > len(data): return
        buf = struct.unpack_from('<%dI' % n, data, pos); pos += 4*n
        i = 0
        while i < n:
            h = buf[i]; ln = h >> 16; cmd = h & 0xff; obj = (h >> 8) & 0xff
            p = buf[i+1:i+1+ln]
            if cmd == 1 and obj == 4 and ln >= 5:
                handle, typ, off, ntok, nso = p[:5]
                hdr = 5 + (2*nso + 4 if nso else 0)
                if ln < hdr: i += 1 + ln; continue
                raw = struct.pack('<%dI' % (ln-hdr), *p[hdr:])
                if off & 0x80000000:
                    if handle in pend: pend[handle][1].extend(raw)
                else:
                    pend[handle] = [off & 0x7fffffff, bytearray(raw), typ]
                if handle in pend:
                    tot, b, typ = pend[handle]
                    if len(b) >= tot:
                        yield typ, bytes(b[:tot]).split(b'\0')[0].decode()
                        del pend[handle]
            i += 1 + max(ln, 0)
def main():
    out = sys.argv[1]; os.makedirs(out, exist_ok=True)
    seen = {}
    def norm(s):  # dedupe ignoring instruction numbering
        return s.strip()
    for f in sorted(glob.glob(sys.argv[2] + '/*.bin')):
        base = os.path.basename(f)[:-4].replace('spec__','')
        base = re.sub(r'[^A-Za-z0-9_.-]', '_', base)
        for k, (t, s) in enumerate(shaders(f)):
            key = hashlib.sha1(norm(s).encode()).hexdigest()
            if key in seen: continue
            name = f'{STAGES.get(t,"x")}__{base}__{k}'
            seen[key] = name
            open(os.path.join(out, name + '.tgsi'), 'w').write(s.strip() + '\n')
    print(len(seen))


if __name__ == '__main__':
    main()
