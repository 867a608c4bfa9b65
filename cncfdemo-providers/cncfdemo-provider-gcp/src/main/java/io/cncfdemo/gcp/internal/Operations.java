package io.cncfdemo.gcp.internal;

import com.google.api.gax.longrunning.OperationFuture;
import com.google.api.gax.rpc.AlreadyExistsException;
import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.NotFoundException;
import com.google.cloud.compute.v1.Operation;
import io.cncfdemo.exception.CncfDemoException;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Waits for Compute Engine's long-running operations (the client polls the zone, region or global
 * operation until it is {@code DONE}) and reads the answers the steps care about: a resource that
 * is not there, an insert that finds it already there, an operation that ended with an {@code
 * error}.
 */
public final class Operations {
  private Operations() {}

  /**
   * Runs the insert or delete and waits for its operation; an operation with an error fails, naming
   * it.
   */
  public static void await(String what, Supplier<OperationFuture<Operation, Operation>> call) {
    Operation operation;
    OperationFuture<Operation, Operation> future = null;
    try {
      future = call.get();
      operation = future.get();
    } catch (ExecutionException e) {
      var done = future == null ? Optional.<Operation>empty() : lastSnapshot(future);
      if (done.isPresent() && done.get().hasError() && done.get().getError().getErrorsCount() > 0) {
        throw new CncfDemoException(
            "Compute Engine could not " + what + ": " + errors(done.get()), e.getCause());
      }
      throw failed(what, e.getCause() != null ? e.getCause() : e);
    } catch (ApiException e) {
      throw failed(what, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CncfDemoException("interrupted while waiting for " + what, e);
    }
    if (operation.hasError() && operation.getError().getErrorsCount() > 0) {
      throw new CncfDemoException("Compute Engine could not " + what + ": " + errors(operation));
    }
  }

  private static String errors(Operation operation) {
    return operation.getError().getErrorsList().stream()
        .map(e -> e.getCode() + ": " + e.getMessage())
        .collect(Collectors.joining("; "));
  }

  /**
   * The operation as the last poll saw it: the client turns a {@code DONE} operation with an {@code
   * error} into an exception that keeps only {@code httpErrorMessage} ("BAD REQUEST"), while the
   * error's code and message are what the user needs.
   */
  private static Optional<Operation> lastSnapshot(OperationFuture<Operation, Operation> future) {
    try {
      var response = future.getPollingFuture().getAttemptResult().get().getResponse();
      return response instanceof Operation operation ? Optional.of(operation) : Optional.empty();
    } catch (ExecutionException | RuntimeException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /**
   * Inserts and waits; an insert that finds the resource already there (409 alreadyExists) is done
   * too.
   */
  public static void insert(String what, Supplier<OperationFuture<Operation, Operation>> call) {
    try {
      await(what, call);
    } catch (AlreadyExists e) {
      // made meanwhile by an earlier, interrupted run: what the step wanted
    }
  }

  /** Deletes and waits; true if it was there. */
  public static boolean delete(String what, Supplier<OperationFuture<Operation, Operation>> call) {
    try {
      await(what, call);
      return true;
    } catch (Missing e) {
      return false;
    }
  }

  /** The resource, or empty on 404. */
  public static <T> Optional<T> find(Supplier<T> get) {
    try {
      return Optional.of(get.get());
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  private static RuntimeException failed(String what, Throwable cause) {
    if (cause instanceof AlreadyExistsException e) {
      return new AlreadyExists(what, e);
    }
    if (cause instanceof NotFoundException e) {
      return new Missing(what, e);
    }
    if (cause instanceof ApiException e) {
      return new CncfDemoException("Compute Engine refused to " + what + ": " + e.getMessage(), e);
    }
    return new CncfDemoException("could not " + what + ": " + cause.getMessage(), cause);
  }

  /** 409: the resource is there already. */
  static final class AlreadyExists extends CncfDemoException {
    private static final long serialVersionUID = 1L;

    AlreadyExists(String what, Throwable cause) {
      super("already there: " + what, cause);
    }
  }

  /** 404: the resource is not there. */
  static final class Missing extends CncfDemoException {
    private static final long serialVersionUID = 1L;

    Missing(String what, Throwable cause) {
      super("not there: " + what, cause);
    }
  }
}
