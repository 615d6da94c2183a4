package org.xtalkit.io.expt;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.xtalkit.XtalException;
import org.xtalkit.io.AtomicWrite;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.ExperimentList;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * dxtbx ExperimentList JSON (.expt): models are listed once each and experiments refer to them by
 * index, so models shared between experiments stay shared (by identity) through a read and a write.
 * Also reads the legacy layouts: experiment lists with "ImageSweep" and DataBlock lists.
 */
public final class ExptFile {
    private ExptFile() {}

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS);

    public static ExperimentList read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw XtalException.badFile(file, "is not a readable experiment list (JSON: " + e.getMessage() + ")", e);
        }
        if (root == null) throw XtalException.badFile(file, "is empty");
        return parse(root, file);
    }

    /** An experiment list from its JSON tree; {@code file} names it in messages. */
    public static ExperimentList parse(JsonNode root, Path file) {
        ModelReader r = new ModelReader(file);
        if (root.isArray()) return LegacyDataBlock.read(root, r, file);
        String id = root.path("__id__").asText("");
        if (!id.equals("ExperimentList"))
            throw XtalException.badFile(file, "is not a dxtbx ExperimentList (__id__ is '" + id + "')");
        List<Object> beams = models(root, "beam", r::beam), detectors = models(root, "detector", r::detector),
                gonios = models(root, "goniometer", r::goniometer), scans = models(root, "scan", r::scan),
                crystals = models(root, "crystal", r::crystal), sets = models(root, "imageset", r::imageSet),
                profiles = models(root, "profile", JsonNode::toString), scaling = models(root, "scaling_model", JsonNode::toString);
        List<Experiment> out = new ArrayList<>();
        for (JsonNode e : root.path("experiment")) {
            out.add(new Experiment(e.path("identifier").asText(""),
                    pick(file, e, "beam", beams), pick(file, e, "detector", detectors), pick(file, e, "goniometer", gonios),
                    pick(file, e, "scan", scans), pick(file, e, "crystal", crystals), pick(file, e, "imageset", sets),
                    pick(file, e, "profile", profiles), pick(file, e, "scaling_model", scaling)));
        }
        return new ExperimentList(out);
    }

    private static List<Object> models(JsonNode root, String key, Function<JsonNode, Object> f) {
        List<Object> list = new ArrayList<>();
        for (JsonNode n : root.path(key)) list.add(f.apply(n));
        return list;
    }

    @SuppressWarnings("unchecked")
    private static <T> T pick(Path file, JsonNode e, String key, List<Object> models) {
        JsonNode i = e.get(key);
        if (i == null || i.isNull()) return null;
        int k = i.asInt(-1);
        if (k < 0 || k >= models.size())
            throw XtalException.badFile(file, "experiment refers to " + key + " " + i + " but the file lists " + models.size());
        return (T) models.get(k);
    }

    /** The JSON tree dxtbx would write for this list. */
    public static ObjectNode toJson(ExperimentList list) {
        ModelWriter w = new ModelWriter(JSON);
        ObjectNode root = JSON.createObjectNode();
        root.put("__id__", "ExperimentList");
        ArrayNode experiments = root.putArray("experiment");
        Index beams = new Index(), detectors = new Index(), gonios = new Index(), scans = new Index(),
                crystals = new Index(), sets = new Index(), profiles = new Index(), scaling = new Index();
        for (Experiment e : list) {
            ObjectNode n = experiments.addObject();
            n.put("__id__", "Experiment");
            n.put("identifier", e.identifier());
            put(n, "beam", beams, e.beam());
            put(n, "detector", detectors, e.detector());
            put(n, "goniometer", gonios, e.goniometer());
            put(n, "scan", scans, e.scan());
            put(n, "crystal", crystals, e.crystal());
            put(n, "profile", profiles, e.profileJson());
            put(n, "scaling_model", scaling, e.scalingModelJson());
            put(n, "imageset", sets, e.imageSet());
        }
        try {
            ArrayNode a = root.putArray("imageset");
            for (Object o : sets.order) a.add(w.imageSet((org.xtalkit.model.ImageSetRef) o));
            a = root.putArray("beam");
            for (Object o : beams.order) a.add(w.beam((org.xtalkit.model.Beam) o));
            a = root.putArray("detector");
            for (Object o : detectors.order) a.add(w.detector((org.xtalkit.model.Detector) o));
            a = root.putArray("goniometer");
            for (Object o : gonios.order) a.add(w.goniometer((org.xtalkit.model.Goniometer) o));
            a = root.putArray("scan");
            for (Object o : scans.order) a.add(w.scan((org.xtalkit.model.Scan) o));
            a = root.putArray("crystal");
            for (Object o : crystals.order) a.add(w.crystal((org.xtalkit.model.Crystal) o));
            a = root.putArray("profile");
            for (Object o : profiles.order) a.add(JSON.readTree((String) o));
            a = root.putArray("scaling_model");
            for (Object o : scaling.order) a.add(JSON.readTree((String) o));
        } catch (IOException e) {
            throw new XtalException("a profile or scaling model holds invalid JSON: " + e.getMessage(), e);
        }
        return root;
    }

    /** Writes the list as a .expt file: to a temporary file beside it, then renamed over it. */
    public static void write(ExperimentList list, Path file) {
        ObjectNode root = toJson(list);
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
        AtomicWrite.write(file, out -> JSON.writer(pp).writeValue(out, root));
    }

    /** Models in order of first use, by identity. */
    private static final class Index {
        final Map<Object, Integer> at = new IdentityHashMap<>();
        final List<Object> order = new ArrayList<>();

        int of(Object o) {
            return at.computeIfAbsent(o, k -> { order.add(k); return order.size() - 1; });
        }
    }

    private static void put(ObjectNode n, String key, Index index, Object model) {
        if (model != null) n.put(key, index.of(model));
    }
}
