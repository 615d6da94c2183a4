package org.xtalkit.io.expt;

import com.fasterxml.jackson.databind.JsonNode;
import org.xtalkit.XtalException;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.ExperimentList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pre-2019 "datablock.json" layout: a list of DataBlocks whose image sets carry their own model
 * indices. Each image set becomes one experiment without a crystal, as dials.import would make today.
 */
final class LegacyDataBlock {
    private LegacyDataBlock() {}

    static ExperimentList read(JsonNode root, ModelReader r, Path file) {
        List<Experiment> out = new ArrayList<>();
        for (JsonNode block : root) {
            if (!block.path("__id__").asText("").equals("DataBlock"))
                throw XtalException.badFile(file, "is a JSON list but not of DataBlocks");
            Map<String, Map<Integer, Object>> cache = new HashMap<>();
            for (JsonNode set : block.path("imageset")) {
                out.add(new Experiment("",
                        model(block, set, "beam", cache, r::beam), model(block, set, "detector", cache, r::detector),
                        model(block, set, "goniometer", cache, r::goniometer), model(block, set, "scan", cache, r::scan),
                        null, r.imageSet(set), null, null));
            }
        }
        return new ExperimentList(out);
    }

    @SuppressWarnings("unchecked")
    private static <T> T model(JsonNode block, JsonNode set, String key, Map<String, Map<Integer, Object>> cache,
                               java.util.function.Function<JsonNode, Object> f) {
        if (!set.hasNonNull(key)) return null;
        int i = set.get(key).asInt();
        JsonNode list = block.path(key);
        if (i < 0 || i >= list.size()) return null;
        return (T) cache.computeIfAbsent(key, k -> new HashMap<>()).computeIfAbsent(i, k -> f.apply(list.get(k)));
    }
}
