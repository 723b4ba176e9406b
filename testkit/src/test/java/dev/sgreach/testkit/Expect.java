package dev.sgreach.testkit;

import static org.assertj.core.api.Assertions.catchThrowable;

import org.assertj.core.api.Assertions;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Test helper: runs an assertion that must fail and returns its error. */
final class Expect {
  private Expect() {}

  static AssertionError expectAssertionError(ThrowingCallable assertion) {
    Throwable thrown = catchThrowable(assertion);
    Assertions.assertThat(thrown).as("the failure of the assertion").isInstanceOf(AssertionError.class);
    return (AssertionError) thrown;
  }
}
