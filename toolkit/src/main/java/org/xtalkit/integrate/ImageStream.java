package org.xtalkit.integrate;

import org.xtalkit.XtalException;
import org.xtalkit.io.image.ImageSource;
import org.xtalkit.progress.Progress;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Streams a sweep through the reflections that lie on it: images are decoded a block at a time in
 * parallel, each image's pixels are copied into the shoeboxes it crosses, and a reflection is handed
 * to {@code onComplete} (in parallel) as soon as its last frame has been read. Memory holds one block
 * of images and the shoeboxes still open, whatever the length of the sweep.
 */
final class ImageStream {
    private ImageStream() {}

    /**
     * @param rows       reflections to stream, with their panel and bbox
     * @param startingAt rows whose bbox starts at each frame
     * @param pixels     fills ReflectionPixels from an image (frame, image per panel) — the caller's mask rules
     */
    interface Filler {
        void fill(ReflectionPixels r, int frame, int[][] image);
    }

    static void run(ImageSource images, int nFrames, List<int[]> startingAt, ReflectionFactory factory, Filler filler,
                    Consumer<ReflectionPixels> onComplete, ExecutorService pool, int blockSize, String stage,
                    Progress progress) {
        List<ReflectionPixels> open = new ArrayList<>();
        for (int b0 = 0; b0 < nFrames; b0 += blockSize) {
            int b1 = Math.min(nFrames, b0 + blockSize);
            List<Future<int[][]>> block = new ArrayList<>();
            for (int f = b0; f < b1; f++) {
                int frame = f;
                block.add(pool.submit(() -> images.read(frame)));
            }
            for (int f = b0; f < b1; f++) {
                int[][] image = get(block.get(f - b0), images, f);
                block.set(f - b0, null);
                for (int row : startingAt.get(f)) {
                    ReflectionPixels r = factory.create(row);
                    if (r != null) open.add(r);
                }
                int frame = f;
                parallel(pool, open, r -> filler.fill(r, frame, image));
                List<ReflectionPixels> done = new ArrayList<>(), still = new ArrayList<>(open.size());
                for (ReflectionPixels r : open) (r.bbox[5] == f + 1 ? done : still).add(r);
                open = still;
                parallel(pool, done, onComplete);
                progress.update(stage, f + 1, nFrames);
            }
        }
    }

    interface ReflectionFactory {
        ReflectionPixels create(int row);
    }

    private static int[][] get(Future<int[][]> f, ImageSource images, int frame) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof XtalException x) throw x;
            throw new XtalException("reading image " + (frame + 1) + " of " + images.description() + ": " + c, c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new XtalException("integration interrupted");
        }
    }

    /** Runs the action over the items on the pool in a few chunks and waits for all. */
    static <T> void parallel(ExecutorService pool, List<T> items, Consumer<T> action) {
        if (items.isEmpty()) return;
        int chunks = Math.min(items.size(), 4 * Runtime.getRuntime().availableProcessors());
        List<Future<?>> fs = new ArrayList<>();
        for (int c = 0; c < chunks; c++) {
            int from = c * items.size() / chunks, to = (c + 1) * items.size() / chunks;
            fs.add(pool.submit(() -> { for (int i = from; i < to; i++) action.accept(items.get(i)); }));
        }
        for (Future<?> f : fs) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) throw re;
                throw new XtalException("integration failed: " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new XtalException("integration interrupted");
            }
        }
    }
}
