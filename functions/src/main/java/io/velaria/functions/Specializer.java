package io.velaria.functions;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gives each function its own copy of a batch loop class, defined as a hidden class from the
 * template's bytecode. The JIT profiles call sites per class, so the lambda call inside each
 * copy stays monomorphic and is inlined, as if the loop had been written by hand for that
 * function (the role C++ templates play in Velox's simple functions). Falls back to the shared
 * template if the class bytes cannot be read.
 */
final class Specializer {
  private static final Map<String, Object> CACHE = new ConcurrentHashMap<>();
  private static final Map<Class<?>, byte[]> BYTES = new ConcurrentHashMap<>();

  private Specializer() {}

  /** A loop instance for {@code function}: one per (template, function implementation class). */
  @SuppressWarnings("unchecked")
  static <T> T loop(Class<?> template, Class<T> runnerType, Object function) {
    String key = template.getName() + '/' + function.getClass().getName();
    return (T) CACHE.computeIfAbsent(key, k -> define(template));
  }

  private static Object define(Class<?> template) {
    try {
      byte[] bytes = BYTES.computeIfAbsent(template, Specializer::read);
      if (bytes != null) {
        MethodHandles.Lookup l = MethodHandles.lookup().defineHiddenClass(bytes, true);
        return l.findConstructor(l.lookupClass(), MethodType.methodType(void.class)).invoke();
      }
    } catch (Throwable e) {
      // fall through to the shared template
    }
    try {
      return template.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] read(Class<?> template) {
    String name = template.getName().substring(template.getName().lastIndexOf('.') + 1);
    try (InputStream in = template.getResourceAsStream(name + ".class")) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      return null;
    }
  }
}
