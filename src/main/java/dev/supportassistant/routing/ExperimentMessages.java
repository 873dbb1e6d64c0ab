package dev.supportassistant.routing;

import java.util.List;

/**
 * Where an experiment's results come from: implemented by the module that stores the messages
 * (chat), so that routing needs no knowledge of its tables and the dependency runs one way.
 */
public interface ExperimentMessages {

    /**
     * Every message of every conversation that has at least one message recorded in the
     * experiment, grouped by conversation and in the order they were stored.
     */
    List<ExperimentMessage> ofExperiment(String experiment);
}
