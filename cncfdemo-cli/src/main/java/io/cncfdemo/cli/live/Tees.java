package io.cncfdemo.cli.live;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;

/**
 * Listeners that tell several, in order: the terminal's progress first, then the events. Every
 * method of the listener's interface is forwarded, so a method added to it later is too.
 */
final class Tees {
  private Tees() {}

  /** A {@code type} telling {@code listeners} each call, in order. */
  @SafeVarargs
  static <T> T of(Class<T> type, T... listeners) {
    var all = List.of(listeners);
    return type.cast(
        Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, new Forward(all)));
  }

  private record Forward(List<?> listeners) implements InvocationHandler {
    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      if (method.getDeclaringClass() == Object.class) {
        return switch (method.getName()) {
          case "equals" -> proxy == args[0];
          case "hashCode" -> System.identityHashCode(proxy);
          default -> "Tees" + listeners;
        };
      }
      for (var listener : listeners) {
        try {
          method.invoke(listener, args);
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
      }
      return null;
    }
  }
}
