package io.cncfdemo.cli.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.benchmark.BenchmarkListener;
import io.cncfdemo.deploy.DeployListener;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TeesTest {
  @Test
  void everyMethodOfEachListener_reachesEveryListener_inOrder() throws Exception {
    for (var type : List.<Class<?>>of(DeployListener.class, BenchmarkListener.class)) {
      var heard = new ArrayList<String>();
      var tee = tee(type, recorder(type, "first", heard), recorder(type, "second", heard));
      var expected = new ArrayList<String>();
      for (Method method : type.getMethods()) {
        method.invoke(tee, new Object[method.getParameterCount()]);
        expected.add("first " + method.getName());
        expected.add("second " + method.getName());
      }
      assertThat(type.getMethods()).as(type.getSimpleName() + "'s methods").isNotEmpty();
      assertThat(heard).isEqualTo(expected);
    }
  }

  @Test
  void aListenerThatThrows_throwsItsOwnException_andTheNextHearsNothing() {
    var heard = new ArrayList<String>();
    DeployListener failing =
        new DeployListener() {
          @Override
          public void objectReady(io.cncfdemo.deploy.ObjectRef object) {
            throw new IllegalStateException("terminal gone");
          }
        };
    var tee =
        Tees.of(DeployListener.class, failing, recorder(DeployListener.class, "second", heard));
    assertThatThrownBy(() -> tee.objectReady(null))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage("terminal gone");
    assertThat(heard).isEmpty();
  }

  @SuppressWarnings("unchecked")
  private static <T> Object tee(Class<T> type, Object first, Object second) {
    return Tees.of(type, (T) first, (T) second);
  }

  private static <T> T recorder(Class<T> type, String name, List<String> heard) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              heard.add(name + " " + method.getName());
              return null;
            }));
  }

  @Test
  void theListenersAreTakenWhenTheTeeIsMade() {
    var heard = new ArrayList<String>();
    DeployListener[] listeners = {recorder(DeployListener.class, "a", heard)};
    var tee = Tees.of(DeployListener.class, listeners);
    listeners[0] = recorder(DeployListener.class, "b", heard);
    tee.objectDeleted(null);
    assertThat(heard).containsExactly("a objectDeleted");
  }
}
