package org.jiguan.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The subcommands' shared argument parsing: {@code --name value}, {@code --name=value} and bare flags. */
final class CommandLine {

    /** A command line that cannot be understood; the message says why. */
    static final class UsageError extends RuntimeException {
        UsageError(String message) {
            super(message);
        }
    }

    private CommandLine() {
    }

    static boolean wantsHelp(List<String> args) {
        return args.contains("--help") || args.contains("-h");
    }

    /**
     * Accepts {@code --name value} and {@code --name=value} for {@code options}, and bare {@code --name} for
     * {@code flags} (mapped to {@code "true"}); each may appear once. Returns the values by option name.
     */
    static Map<String, String> parse(List<String> args, Set<String> options, Set<String> flags) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value;
            if (flags.contains(name)) {
                if (arg.contains("=")) {
                    throw new UsageError(name + " takes no value");
                }
                value = "true";
            } else if (!options.contains(name)) {
                throw new UsageError("Unknown argument: " + arg);
            } else if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                value = args.get(++i);
            } else {
                throw new UsageError(name + " needs a value");
            }
            if (values.putIfAbsent(name, value) != null) {
                throw new UsageError(name + " given more than once");
            }
        }
        return values;
    }

    /** A comma-separated list, blanks dropped; empty when {@code value} is null. */
    static List<String> list(String value) {
        if (value == null) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (String item : value.split(",")) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return List.copyOf(items);
    }

    /** A positive whole number, or {@code fallback} when {@code value} is null. */
    static long positive(String name, String value, long fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            long number = Long.parseLong(value.strip());
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageError(name + " must be a positive whole number, not " + value);
    }
}
