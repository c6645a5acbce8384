package io.dismc.experiment;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The observable's name when it is not a Java name (dE_0.005): on a component of an experiment's
 * result record. Components are named after their observables otherwise.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Observable {
    String value();
}
