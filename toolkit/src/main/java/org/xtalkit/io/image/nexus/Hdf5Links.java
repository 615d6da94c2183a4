package org.xtalkit.io.image.nexus;

import io.jhdf.GroupSymbolTableNode;
import io.jhdf.LocalHeap;
import io.jhdf.ObjectHeader;
import io.jhdf.SymbolTableEntry;
import io.jhdf.btree.BTreeV1;
import io.jhdf.object.message.LinkInfoMessage;
import io.jhdf.object.message.LinkMessage;
import io.jhdf.object.message.SymbolTableMessage;
import io.jhdf.storage.HdfBackingStorage;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The links of one HDF5 group, listed without opening their targets. jhdf 0.13 opens every child
 * when it lists a group and fails on the whole group when one child is a virtual dataset (the
 * NXdata group of DLS and Eiger files), so NXdata groups are listed here instead.
 */
final class Hdf5Links {

    enum Kind { HARD, SOFT, EXTERNAL }

    /**
     * One link: a hard link's object header address, a soft link's path, or an external
     * link's file and path in that file.
     */
    record Link(String name, Kind kind, long address, String path, String file) {}

    private Hdf5Links() {}

    static List<Link> list(HdfBackingStorage storage, long groupAddress) {
        ObjectHeader oh = ObjectHeader.readObjectHeader(storage, groupAddress);
        List<Link> links = new ArrayList<>();
        if (oh.hasMessageOfType(SymbolTableMessage.class)) {
            SymbolTableMessage stm = oh.getMessageOfType(SymbolTableMessage.class);
            ByteBuffer heap = new LocalHeap(storage, stm.getLocalHeapAddress()).getDataBuffer();
            for (long node : BTreeV1.createGroupBTree(storage, stm.getBTreeAddress()).getChildAddresses()) {
                for (SymbolTableEntry e : new GroupSymbolTableNode(storage, node).getSymbolTableEntries()) {
                    String name = cString(heap, e.getLinkNameOffset());
                    if (e.getCacheType() == 2) links.add(new Link(name, Kind.SOFT, -1, cString(heap, e.getLinkValueOffset()), null));
                    else links.add(new Link(name, Kind.HARD, e.getObjectHeaderAddress(), null, null));
                }
            }
            return links;
        }
        for (LinkMessage m : oh.getMessagesOfType(LinkMessage.class)) {
            switch (m.getLinkType()) {
                case HARD -> links.add(new Link(m.getLinkName(), Kind.HARD, m.getHardLinkAddress(), null, null));
                case SOFT -> links.add(new Link(m.getLinkName(), Kind.SOFT, -1, m.getSoftLink(), null));
                case EXTERNAL -> links.add(new Link(m.getLinkName(), Kind.EXTERNAL, -1, m.getExternalPath(), m.getExternalFile()));
            }
        }
        if (links.isEmpty() && oh.hasMessageOfType(LinkInfoMessage.class)
                && oh.getMessageOfType(LinkInfoMessage.class).getFractalHeapAddress() != -1L
                && oh.getMessageOfType(LinkInfoMessage.class).getFractalHeapAddress() != 0xFFFFFFFFFFFFFFFFL)
            throw new UnsupportedOperationException("group with dense link storage (fractal heap)");
        return links;
    }

    private static String cString(ByteBuffer heap, int offset) {
        int end = offset;
        while (end < heap.limit() && heap.get(end) != 0) end++;
        byte[] b = new byte[end - offset];
        heap.get(offset, b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
