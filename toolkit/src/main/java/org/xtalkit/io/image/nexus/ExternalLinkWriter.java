package org.xtalkit.io.image.nexus;

import io.jhdf.HdfFile;
import io.jhdf.checksum.JenkinsLookup3HashLittle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Adds HDF5 external links to a group of a file jhdf 0.13 has written (jhdf writes hard links
 * only). jhdf writes superblock version 2 and version-2 object headers with compact link storage,
 * so the group's header is copied to the end of the file with the new link messages appended,
 * the parent's hard link is pointed at the copy, and the superblock's end-of-file address and the
 * three checksums (Jenkins lookup3) are renewed (HDF5 File Format Specification, II.A, IV.A.1.b,
 * IV.A.2.g). Anything else (another superblock, continuation blocks) is refused.
 */
final class ExternalLinkWriter {

    /** A link named {@code name} to the object at {@code path} in {@code file} (relative to the linking file). */
    record Link(String name, String file, String path) {}

    private ExternalLinkWriter() {}

    static void addLinks(Path hdf5, String groupPath, List<Link> links) throws IOException {
        long group, parent;
        try (HdfFile f = new HdfFile(hdf5)) {
            if (f.getHdfBackingStorage().getSuperblock().getVersionOfSuperblock() != 2
                    || f.getHdfBackingStorage().getSizeOfOffsets() != 8)
                throw new IOException(hdf5 + ": expected superblock version 2 with 8-byte offsets (as jhdf writes)");
            group = f.getByPath(groupPath).getAddress();
            parent = f.getByPath(groupPath).getParent().getAddress();
        }
        ByteBuffer file = ByteBuffer.wrap(Files.readAllBytes(hdf5)).order(ByteOrder.LITTLE_ENDIAN);
        Header g = Header.at(file, group);
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        messages.write(file.array(), g.messagesStart, g.messagesLength);
        for (Link l : links) messages.writeBytes(linkMessage(l));
        long newAddress = file.capacity();
        byte[] header = header(messages.toByteArray());

        Header p = Header.at(file, parent);
        int slot = p.hardLinkSlot(file, group);
        file.putLong(slot, newAddress);
        p.renewChecksum(file);

        long eof = newAddress + header.length;
        file.putLong(28, eof); // superblock v2: end-of-file address
        file.putInt(44, lookup3(file.array(), 0, 44));

        Path tmp = hdf5.resolveSibling("." + hdf5.getFileName() + ".links");
        try {
            Files.write(tmp, file.array());
            Files.write(tmp, header, java.nio.file.StandardOpenOption.APPEND);
            Files.move(tmp, hdf5, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** HDF5's metadata checksum (Jenkins lookup3, hashlittle, seed 0) of bytes [from, to). */
    private static int lookup3(byte[] b, int from, int to) {
        return JenkinsLookup3HashLittle.hash(java.util.Arrays.copyOfRange(b, from, to));
    }

    /** A version-2 object header of one chunk holding the given messages. */
    private static byte[] header(byte[] messages) {
        ByteBuffer h = ByteBuffer.allocate(4 + 1 + 1 + 4 + messages.length + 4).order(ByteOrder.LITTLE_ENDIAN);
        h.put("OHDR".getBytes(StandardCharsets.US_ASCII)).put((byte) 2).put((byte) 2).putInt(messages.length).put(messages);
        h.putInt(lookup3(h.array(), 0, h.position()));
        return h.array();
    }

    /** A link message (type 6, version 1) for an external link, with its 4-byte message header. */
    private static byte[] linkMessage(Link l) {
        byte[] name = l.name().getBytes(StandardCharsets.UTF_8);
        byte[] file = l.file().getBytes(StandardCharsets.UTF_8), path = l.path().getBytes(StandardCharsets.UTF_8);
        if (name.length > 255) throw new IllegalArgumentException("link name too long: " + l.name());
        int info = 1 + file.length + 1 + path.length + 1;
        ByteBuffer b = ByteBuffer.allocate(4 + 4 + name.length + 2 + info).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 6).putShort((short) (b.capacity() - 4)).put((byte) 0);     // message header
        b.put((byte) 1).put((byte) 0x08).put((byte) 64).put((byte) name.length); // version, flags: type present; external
        b.put(name).putShort((short) info).put((byte) 0).put(file).put((byte) 0).put(path).put((byte) 0);
        return b.array();
    }

    /** Where the single chunk of a version-2 object header keeps its messages. */
    private record Header(int start, int messagesStart, int messagesLength) {
        static Header at(ByteBuffer f, long address) throws IOException {
            int a = Math.toIntExact(address);
            if (f.getInt(a) != 0x5244484F || f.get(a + 4) != 2) throw new IOException("no version-2 object header at " + address);
            int flags = f.get(a + 5) & 0xFF;
            int pos = a + 6 + ((flags & 0x20) != 0 ? 16 : 0) + ((flags & 0x10) != 0 ? 4 : 0);
            int sizeBytes = 1 << (flags & 3);
            long size = 0;
            for (int i = 0; i < sizeBytes; i++) size |= (f.get(pos + i) & 0xFFL) << (8 * i);
            if ((flags & 0x04) != 0) throw new IOException("object header at " + address + " tracks creation order");
            Header h = new Header(a, pos + sizeBytes, Math.toIntExact(size));
            for (int m = h.messagesStart; m + 4 <= h.messagesStart + h.messagesLength; ) {
                int type = f.get(m) & 0xFF, len = Short.toUnsignedInt(f.getShort(m + 1));
                if (type == RawObjectHeader.CONTINUATION) throw new IOException("object header at " + address + " continues elsewhere");
                m += 4 + len;
            }
            return h;
        }

        /** The file offset of the 8-byte address of the hard link message pointing at {@code target}. */
        int hardLinkSlot(ByteBuffer f, long target) throws IOException {
            for (int m = messagesStart; m + 4 <= messagesStart + messagesLength; ) {
                int type = f.get(m) & 0xFF, len = Short.toUnsignedInt(f.getShort(m + 1));
                int body = m + 4;
                if (type == 6) {
                    int flags = f.get(body + 1) & 0xFF;
                    int p = body + 2;
                    int linkType = 0;
                    if ((flags & 0x08) != 0) linkType = f.get(p++) & 0xFF;
                    if ((flags & 0x04) != 0) p += 8;
                    if ((flags & 0x10) != 0) p++;
                    int lenBytes = 1 << (flags & 3);
                    long nameLen = 0;
                    for (int i = 0; i < lenBytes; i++) nameLen |= (f.get(p + i) & 0xFFL) << (8 * i);
                    p += lenBytes + (int) nameLen;
                    if (linkType == 0 && f.getLong(p) == target) return p;
                }
                m = body + len;
            }
            throw new IOException("no hard link to " + target + " in the object header at " + start);
        }

        void renewChecksum(ByteBuffer f) {
            int end = messagesStart + messagesLength;
            f.putInt(end, lookup3(f.array(), start, end));
        }
    }
}
