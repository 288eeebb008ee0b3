package org.twinprint.imaging.dicom.core;

/**
 * Lossless JPEG (ITU-T T.81 process 14, Huffman coded; DICOM transfer syntaxes 1.2.840.10008.1.2.4.57
 * and .70): predictors 1–7, point transform, 2–16 bits, interleaved components, restart markers.
 * Written for speed on CT series: Huffman codes up to {@link #FAST_BITS} long are decoded with one
 * table look-up from a 64-bit bit buffer.
 */
final class JpegLosslessDecoder {

    private static final int FAST_BITS = 10;

    private final byte[] in;
    private int pos;
    private int precision;
    private int lines;
    private int samplesPerLine;
    private int components;
    private final int[] componentIds = new int[4];
    private final Huffman[] tables = new Huffman[4];
    private int restartInterval;

    // bit reader
    private long bits;
    private int bitCount;
    private boolean markerHit;

    private JpegLosslessDecoder(byte[] in) {
        this.in = in;
    }

    /**
     * Decodes one frame into {@code out} from {@code offset}: {@code lines × samplesPerLine} pixels
     * with their components side by side. Returns the number of components.
     */
    static int decode(byte[] frame, short[] out, int offset, int expectedComponents, int expectedPixels)
            throws DicomReadException {
        JpegLosslessDecoder d = new JpegLosslessDecoder(frame);
        return d.run(out, offset, expectedComponents, expectedPixels);
    }

    private int run(short[] out, int offset, int expectedComponents, int expectedPixels) throws DicomReadException {
        if (u8() != 0xFF || u8() != 0xD8) {
            throw new DicomReadException("JPEG frame does not start with SOI");
        }
        boolean haveFrame = false;
        while (pos < in.length) {
            int marker = nextMarker();
            switch (marker) {
                case 0xC3 -> {
                    readFrameHeader();
                    haveFrame = true;
                }
                case 0xC0, 0xC1, 0xC2, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF ->
                    throw new DicomReadException(String.format("JPEG process SOF%d is not lossless Huffman (SOF3)",
                            marker - 0xC0));
                case 0xC4 -> readHuffmanTables();
                case 0xDD -> {
                    u16();
                    restartInterval = u16();
                }
                case 0xDA -> {
                    if (!haveFrame) {
                        throw new DicomReadException("JPEG scan before its frame header");
                    }
                    if (components != expectedComponents || (long) lines * samplesPerLine != expectedPixels) {
                        throw new DicomReadException("JPEG frame is " + samplesPerLine + "x" + lines + " with "
                                + components + " component(s); the DICOM header says " + expectedPixels
                                + " pixels with " + expectedComponents);
                    }
                    readScan(out, offset);
                }
                case 0xD9 -> {
                    return components;
                }
                default -> pos += u16() - 2; // APPn, COM, DNL and other segments carry nothing we need
            }
        }
        if (!haveFrame) {
            throw new DicomReadException("JPEG frame without a lossless frame header");
        }
        return components; // tolerated: data that ends without EOI
    }

    private int nextMarker() throws DicomReadException {
        while (pos < in.length && (in[pos] & 0xff) != 0xFF) {
            pos++; // skip fill or stray bytes between segments
        }
        while (pos < in.length && (in[pos] & 0xff) == 0xFF) {
            pos++;
        }
        if (pos >= in.length) {
            return 0xD9;
        }
        return u8();
    }

    private void readFrameHeader() throws DicomReadException {
        u16();
        precision = u8();
        lines = u16();
        samplesPerLine = u16();
        components = u8();
        if (precision < 2 || precision > 16 || components < 1 || components > 4 || lines == 0) {
            throw new DicomReadException("unsupported lossless JPEG frame: " + precision + " bits, " + components
                    + " components, " + lines + " lines");
        }
        for (int c = 0; c < components; c++) {
            componentIds[c] = u8();
            int sampling = u8();
            if (sampling != 0x11) {
                throw new DicomReadException("lossless JPEG with subsampled components is not supported");
            }
            u8();
        }
    }

    private void readHuffmanTables() throws DicomReadException {
        int end = pos + u16() - 2;
        while (pos < end) {
            int id = u8();
            if ((id >> 4) != 0 || (id & 15) > 3) {
                throw new DicomReadException("bad lossless JPEG Huffman table id " + id);
            }
            int[] counts = new int[17];
            int total = 0;
            for (int l = 1; l <= 16; l++) {
                counts[l] = u8();
                total += counts[l];
            }
            int[] symbols = new int[total];
            for (int i = 0; i < total; i++) {
                symbols[i] = u8();
            }
            tables[id & 15] = new Huffman(counts, symbols);
        }
    }

    private void readScan(short[] out, int offset) throws DicomReadException {
        u16();
        int ns = u8();
        if (ns != components) {
            throw new DicomReadException("lossless JPEG scans of fewer components than the frame are not supported");
        }
        Huffman[] scanTables = new Huffman[ns];
        for (int c = 0; c < ns; c++) {
            int id = u8();
            if (id != componentIds[c]) {
                throw new DicomReadException("lossless JPEG scan lists its components out of order");
            }
            scanTables[c] = tables[u8() >> 4];
            if (scanTables[c] == null) {
                throw new DicomReadException("lossless JPEG scan uses an undefined Huffman table");
            }
        }
        int predictor = u8();
        u8(); // Se
        int pointTransform = u8() & 15;
        if (predictor < 1 || predictor > 7) {
            throw new DicomReadException("lossless JPEG predictor " + predictor + " is not 1..7");
        }
        int width = samplesPerLine * ns;
        if (restartInterval != 0 && restartInterval % samplesPerLine != 0) {
            throw new DicomReadException("lossless JPEG restart interval " + restartInterval
                    + " is not a whole number of lines");
        }
        int linesPerRestart = restartInterval == 0 ? Integer.MAX_VALUE : restartInterval / samplesPerLine;
        int mask = 0xFFFF;
        int initial = 1 << (precision - pointTransform - 1);
        bits = 0;
        bitCount = 0;
        markerHit = false;
        if (ns == 1) {
            singleComponent(out, offset, scanTables[0], predictor, initial, linesPerRestart);
        }
        for (int y = 0; ns > 1 && y < lines; y++) {
            boolean firstLine = y % linesPerRestart == 0;
            if (firstLine && y > 0) {
                restart();
            }
            int row = offset + y * width;
            int above = row - width;
            for (int x = 0; x < samplesPerLine; x++) {
                for (int c = 0; c < ns; c++) {
                    int at = row + x * ns + c;
                    int prediction;
                    if (firstLine) {
                        prediction = x == 0 ? initial : out[at - ns] & mask;
                    } else if (x == 0) {
                        prediction = out[above + c] & mask;
                    } else {
                        int a = out[at - ns] & mask, b = out[at - width] & mask, cc = out[at - width - ns] & mask;
                        prediction = switch (predictor) {
                            case 1 -> a;
                            case 2 -> b;
                            case 3 -> cc;
                            case 4 -> a + b - cc;
                            case 5 -> a + ((b - cc) >> 1);
                            case 6 -> b + ((a - cc) >> 1);
                            default -> (a + b) >> 1;
                        };
                    }
                    out[at] = (short) (prediction + difference(scanTables[c]));
                }
            }
        }
        if (pointTransform > 0) {
            for (int i = offset; i < offset + lines * width; i++) {
                out[i] = (short) ((out[i] & mask) << pointTransform);
            }
        }
        // the bit reader never reads past a marker: the next one (not RSTn, not a stuffed 0xFF00) ends the scan
        while (pos + 1 < in.length && !((in[pos] & 0xff) == 0xFF && in[pos + 1] != 0 && (in[pos + 1] & 0xf8) != 0xD0)) {
            pos++;
        }
    }

    /**
     * The usual case, one component (grey-level CT and MR), in one loop that keeps the bit reader
     * in local variables: the same decoding as {@link #difference}, about twice as fast.
     */
    private void singleComponent(short[] out, int offset, Huffman h, int predictor, int initial, int linesPerRestart)
            throws DicomReadException {
        final byte[] data = in;
        final int[] fast = h.fast;
        final int width = samplesPerLine;
        long buffer = 0;
        int count = 0;
        int p = pos;
        boolean marker = false;
        for (int y = 0; y < lines; y++) {
            boolean firstLine = y % linesPerRestart == 0;
            if (firstLine && y > 0) {
                pos = p;
                restart();
                p = pos;
                buffer = 0;
                count = 0;
                marker = false;
            }
            int row = offset + y * width;
            for (int x = 0; x < width; x++) {
                if (count < 32) {
                    while (count <= 56) {
                        int b = 0;
                        if (!marker && p < data.length) {
                            b = data[p] & 0xff;
                            if (b != 0xFF) {
                                p++;
                            } else if (p + 1 < data.length && data[p + 1] == 0) {
                                p += 2;
                            } else {
                                marker = true;
                                b = 0;
                            }
                        }
                        buffer = buffer << 8 | b;
                        count += 8;
                    }
                }
                int entry = fast[(int) (buffer >>> (count - FAST_BITS)) & ((1 << FAST_BITS) - 1)];
                int ssss;
                if (entry != 0) {
                    count -= entry >>> 8;
                    ssss = entry & 0xff;
                } else {
                    bits = buffer;
                    bitCount = count;
                    pos = p;
                    markerHit = marker;
                    ssss = h.slow(this);
                    buffer = bits;
                    count = bitCount;
                    p = pos;
                    marker = markerHit;
                }
                int diff;
                if (ssss == 0) {
                    diff = 0;
                } else if (ssss == 16) {
                    diff = 32768;
                } else {
                    int v = (int) (buffer >>> (count - ssss)) & ((1 << ssss) - 1);
                    count -= ssss;
                    diff = v < (1 << (ssss - 1)) ? v - (1 << ssss) + 1 : v;
                }
                int at = row + x;
                int prediction;
                if (firstLine) {
                    prediction = x == 0 ? initial : out[at - 1] & 0xFFFF;
                } else if (x == 0) {
                    prediction = out[at - width] & 0xFFFF;
                } else if (predictor == 1) {
                    prediction = out[at - 1] & 0xFFFF;
                } else {
                    int a = out[at - 1] & 0xFFFF, b = out[at - width] & 0xFFFF, c = out[at - width - 1] & 0xFFFF;
                    prediction = switch (predictor) {
                        case 2 -> b;
                        case 3 -> c;
                        case 4 -> a + b - c;
                        case 5 -> a + ((b - c) >> 1);
                        case 6 -> b + ((a - c) >> 1);
                        default -> (a + b) >> 1;
                    };
                }
                out[at] = (short) (prediction + diff);
            }
        }
        bits = buffer;
        bitCount = count;
        pos = p;
        markerHit = marker;
    }

    /** Moves past an RSTn marker and clears the bit buffer. */
    private void restart() throws DicomReadException {
        bits = 0;
        bitCount = 0;
        markerHit = false;
        while (pos + 1 < in.length && !((in[pos] & 0xff) == 0xFF && (in[pos + 1] & 0xf8) == 0xD0)) {
            pos++;
        }
        if (pos + 1 >= in.length) {
            throw new DicomReadException("lossless JPEG restart marker missing");
        }
        pos += 2;
    }

    /** One coded difference: its size category from the Huffman code, then that many extra bits. */
    private int difference(Huffman h) throws DicomReadException {
        fill();
        int peek = (int) (bits >>> (bitCount - FAST_BITS)) & ((1 << FAST_BITS) - 1);
        int entry = h.fast[peek];
        int ssss;
        if (entry != 0) {
            bitCount -= entry >>> 8;
            ssss = entry & 0xff;
        } else {
            ssss = h.slow(this);
        }
        if (ssss == 0) {
            return 0;
        }
        if (ssss == 16) {
            return 32768;
        }
        int v = (int) (bits >>> (bitCount - ssss)) & ((1 << ssss) - 1);
        bitCount -= ssss;
        return v < (1 << (ssss - 1)) ? v - (1 << ssss) + 1 : v;
    }

    /** Tops the bit buffer up to at least 32 bits, undoing byte stuffing; past a marker it feeds zeros. */
    private void fill() {
        if (bitCount >= 32) {
            return;
        }
        while (bitCount <= 56) {
            int b = 0;
            if (!markerHit && pos < in.length) {
                b = in[pos] & 0xff;
                if (b == 0xFF) {
                    int next = pos + 1 < in.length ? in[pos + 1] & 0xff : 0xD9;
                    if (next == 0) {
                        pos += 2;
                    } else {
                        markerHit = true; // leave the marker for the caller
                        b = 0;
                    }
                } else {
                    pos++;
                }
            }
            bits = bits << 8 | b;
            bitCount += 8;
        }
    }

    int bit() {
        fill();
        bitCount--;
        return (int) (bits >>> bitCount) & 1;
    }

    private int u8() throws DicomReadException {
        if (pos >= in.length) {
            throw new DicomReadException("JPEG data ends early");
        }
        return in[pos++] & 0xff;
    }

    private int u16() throws DicomReadException {
        return u8() << 8 | u8();
    }

    /** A Huffman table: a fast look-up for short codes and canonical decoding (T.81 F.2.2.3) for the rest. */
    private static final class Huffman {
        final int[] fast = new int[1 << FAST_BITS]; // (length << 8 | symbol), 0 when longer
        final int[] minCode = new int[17];
        final int[] maxCode = new int[17];
        final int[] valuePointer = new int[17];
        final int[] symbols;

        Huffman(int[] counts, int[] symbols) {
            this.symbols = symbols;
            int code = 0, k = 0;
            for (int length = 1; length <= 16; length++) {
                valuePointer[length] = k;
                minCode[length] = code;
                for (int i = 0; i < counts[length]; i++, k++, code++) {
                    if (length <= FAST_BITS) {
                        int shift = FAST_BITS - length;
                        for (int fill = 0; fill < 1 << shift; fill++) {
                            fast[code << shift | fill] = length << 8 | symbols[k];
                        }
                    }
                }
                maxCode[length] = counts[length] == 0 ? -1 : code - 1;
                code <<= 1;
            }
        }

        int slow(JpegLosslessDecoder d) throws DicomReadException {
            int code = d.bit();
            for (int length = 1; length <= 16; length++) {
                if (code <= maxCode[length]) {
                    return symbols[valuePointer[length] + code - minCode[length]];
                }
                code = code << 1 | d.bit();
            }
            throw new DicomReadException("bad Huffman code in lossless JPEG data");
        }
    }
}
