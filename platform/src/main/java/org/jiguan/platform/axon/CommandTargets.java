package org.jiguan.platform.axon;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.function.Function;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.ReflectionUtils;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Which aggregate a command is for: the member marked {@link TargetAggregateIdentifier} (and, when present,
 * {@link TargetAggregateVersion}), found as Axon's {@code AnnotationCommandTargetResolver} finds it (an annotated
 * method first, then an annotated field, inherited ones included), but looked up once per command class instead of
 * at every command: Axon's walks the class's methods and parses their annotations each time, a few percent of a
 * command's CPU. Aggregates name it: {@code @Aggregate(commandTargetResolver = "commandTargets")}.
 */
public final class CommandTargets implements CommandTargetResolver {
    private static final ClassValue<Target> TARGETS = new ClassValue<>() {
        @Override
        protected Target computeValue(Class<?> type) {
            return new Target(member(type, TargetAggregateIdentifier.class),
                    member(type, TargetAggregateVersion.class));
        }
    };

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        Target target = TARGETS.get(command.getPayloadType());
        Object identifier = target.identifier().apply(command.getPayload());
        if (identifier == null) {
            throw new IllegalArgumentException(String.format("Invalid command. It does not identify the target "
                    + "aggregate. Make sure at least one of the fields or methods in the [%s] class contains the "
                    + "@TargetAggregateIdentifier annotation and that it returns a non-null value.",
                    command.getPayloadType().getSimpleName()));
        }
        Object version = target.version().apply(command.getPayload());
        return new VersionedAggregateIdentifier(identifier, version == null ? null : asLong(version));
    }

    private static Long asLong(Object version) {
        try {
            return version instanceof Number number ? number.longValue() : Long.parseLong(version.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The value provided for the version is not a number.", e);
        }
    }

    /** How a command class gives its aggregate's identifier and expected version (null when it has none). */
    private record Target(Function<Object, Object> identifier, Function<Object, Object> version) {
    }

    /** Reads the command's member marked with the annotation; a command without one reads as null. */
    private static Function<Object, Object> member(Class<?> type, Class<? extends Annotation> annotation) {
        for (Method method : ReflectionUtils.methodsOf(type)) {
            if (AnnotationUtils.isAnnotationPresent(method, annotation)) {
                ReflectionUtils.ensureAccessible(method);
                return payload -> invoke(method, payload);
            }
        }
        for (Field field : ReflectionUtils.fieldsOf(type)) {
            if (AnnotationUtils.isAnnotationPresent(field, annotation)) {
                ReflectionUtils.ensureAccessible(field);
                return payload -> ReflectionUtils.getFieldValue(field, payload);
            }
        }
        return payload -> null;
    }

    private static Object invoke(Method method, Object payload) {
        try {
            return method.invoke(payload);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("An exception occurred while extracting aggregate information from a "
                    + "command", e);
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException("The current security context does not allow extraction of aggregate "
                    + "information from the given command.", e);
        }
    }
}
