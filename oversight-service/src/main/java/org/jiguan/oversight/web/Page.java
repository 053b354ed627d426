package org.jiguan.oversight.web;

import java.util.List;

/** One page of a list, 0-based, with the total across pages. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static <T> Page<T> of(List<T> all, int page, int size) {
        int from = (int) Math.min((long) page * size, all.size());
        int to = Math.min(from + size, all.size());
        return new Page<>(List.copyOf(all.subList(from, to)), page, size, all.size());
    }
}
