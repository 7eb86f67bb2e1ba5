package org.dsarflow.shared;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A command that starts its own transaction and is run again, a bounded number of times, when that transaction
 * loses a race ({@link ConcurrentChange#worthRetrying}). Most such races are with the request's own process: an
 * email step running as a job on the same instance while the DPO records the next step. Each run reads the
 * request afresh, so its guards ({@code REQUEST_CLOSED}, {@code NOT_AWAITING_REVIEW}, …) judge the state that won.
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface RetriedOnConcurrentChange {
}
