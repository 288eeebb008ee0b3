package org.twinprint.core.util;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Array;
import java.util.Optional;

/**
 * Puts the calling thread at the lowest scheduling priority (nice 19), so that it runs only on
 * cores the other threads leave idle. Java has no call for this; on Linux, where the nice value
 * belongs to each thread, the C library's {@code setpriority} is called through the JVM's foreign
 * function interface. That interface is final from Java 22 on, while these bundles are built for
 * Java 21: it is looked up by reflection, and where it is missing nothing changes.
 */
public final class LowPriority {

    private static final int PRIO_PROCESS = 0; // with "who" 0: the calling thread, on Linux
    private static final int LOWEST = 19;

    private LowPriority() {
    }

    /** Lowers the calling thread; true if it now runs at the lowest priority. */
    public static boolean lowerCurrentThread() {
        if (!System.getProperty("os.name", "").startsWith("Linux")) {
            return false; // elsewhere the value may be the whole process's
        }
        try {
            return (int) setpriority().invokeWithArguments(PRIO_PROCESS, 0, LOWEST) == 0;
        } catch (Throwable e) { // no foreign function interface, no symbol, or no native access
            return false;
        }
    }

    /** {@code int setpriority(int which, int who, int prio)} as a method handle. */
    private static MethodHandle setpriority() throws ReflectiveOperationException {
        Class<?> linkerType = Class.forName("java.lang.foreign.Linker");
        Class<?> layoutType = Class.forName("java.lang.foreign.MemoryLayout");
        Class<?> descriptorType = Class.forName("java.lang.foreign.FunctionDescriptor");
        Class<?> optionType = Class.forName("java.lang.foreign.Linker$Option");
        Object linker = linkerType.getMethod("nativeLinker").invoke(null);
        Object lookup = linkerType.getMethod("defaultLookup").invoke(linker);
        Optional<?> symbol = (Optional<?>) Class.forName("java.lang.foreign.SymbolLookup")
                .getMethod("find", String.class).invoke(lookup, "setpriority");
        if (symbol.isEmpty()) {
            throw new ReflectiveOperationException("no setpriority in the C library");
        }
        Object javaInt = Class.forName("java.lang.foreign.ValueLayout").getField("JAVA_INT").get(null);
        Object arguments = Array.newInstance(layoutType, 3);
        for (int i = 0; i < 3; i++) {
            Array.set(arguments, i, javaInt);
        }
        Object descriptor = descriptorType.getMethod("of", layoutType, arguments.getClass()).invoke(null, javaInt,
                arguments);
        Object noOptions = Array.newInstance(optionType, 0);
        return (MethodHandle) linkerType
                .getMethod("downcallHandle", Class.forName("java.lang.foreign.MemorySegment"), descriptorType,
                        noOptions.getClass())
                .invoke(linker, symbol.get(), descriptor, noOptions);
    }
}
