package dev.iotjobs.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestTopicTest {

    @Test
    void w4_theFourOperationsRouteByTheirNumberOfLevels() {
        assertThat(RequestTopic.parse("$aws/things/t1/jobs/get"))
                .contains(new RequestTopic("t1", DeviceOperation.GET_PENDING, null));
        assertThat(RequestTopic.parse("$aws/things/t1/jobs/start-next"))
                .contains(new RequestTopic("t1", DeviceOperation.START_NEXT, null));
        assertThat(RequestTopic.parse("$aws/things/t1/jobs/j1/get"))
                .contains(new RequestTopic("t1", DeviceOperation.DESCRIBE, "j1"));
        assertThat(RequestTopic.parse("$aws/things/t1/jobs/$next/get"))
                .contains(new RequestTopic("t1", DeviceOperation.DESCRIBE, "$next"));
        assertThat(RequestTopic.parse("$aws/things/t1/jobs/j1/update"))
                .contains(new RequestTopic("t1", DeviceOperation.UPDATE, "j1"));
    }

    @Test
    void w4_jobIdsNamedLikeOperationsAreJobs() {
        for (String jobId : new String[] {"get", "start-next", "notify", "notify-next", "update"}) {
            assertThat(RequestTopic.parse("$aws/things/t1/jobs/" + jobId + "/get"))
                    .contains(new RequestTopic("t1", DeviceOperation.DESCRIBE, jobId));
            assertThat(RequestTopic.parse("$aws/things/t1/jobs/" + jobId + "/update"))
                    .contains(new RequestTopic("t1", DeviceOperation.UPDATE, jobId));
        }
    }

    @Test
    void w4_topicsUnderJobsThatNameNoOperationAreInvalidTopics() {
        for (String topic : new String[] {"$aws/things/t1/jobs/foo", "$aws/things/t1/jobs/j1/delete",
                "$aws/things/t1/jobs/j1/get/extra", "$aws/things/t1/jobs/", "$aws/things/t1/jobs/j1/"}) {
            assertThat(RequestTopic.parse(topic)).as(topic).isEmpty();
            assertThat(RequestTopic.isUnderJobs(topic)).as(topic).isTrue();
        }
    }

    @Test
    void topicsOutsideJobsAreNotTheBridges() {
        for (String topic : new String[] {"$aws/things/t1/shadow/get", "sensors/t1/jobs/get", "$aws/things/t1",
                "$aws/things/t1/jobs", "$aws/events/job/j1/completed"}) {
            assertThat(RequestTopic.isUnderJobs(topic)).as(topic).isFalse();
            assertThat(RequestTopic.parse(topic)).as(topic).isEmpty();
        }
    }

    @Test
    void w7_theThingNameIsTheTopicsLevelAsSent() {
        assertThat(RequestTopic.parse("$aws/things/bad thing!/jobs/get"))
                .contains(new RequestTopic("bad thing!", DeviceOperation.GET_PENDING, null));
        assertThat(RequestTopic.parse("$aws/things//jobs/start-next"))
                .contains(new RequestTopic("", DeviceOperation.START_NEXT, null));
    }

    @Test
    void theServicesOwnOutputsAreRecognized() {
        assertThat(RequestTopic.isServiceOutput("$aws/things/t1/jobs/get/accepted")).isTrue();
        assertThat(RequestTopic.isServiceOutput("$aws/things/t1/jobs/j1/update/rejected")).isTrue();
        assertThat(RequestTopic.isServiceOutput("$aws/things/t1/jobs/notify")).isTrue();
        assertThat(RequestTopic.isServiceOutput("$aws/things/t1/jobs/notify-next")).isTrue();
        assertThat(RequestTopic.isServiceOutput("$aws/things/t1/jobs/notify/get")).isFalse();
        assertThat(RequestTopic.isServiceOutput("$aws/things/t1/jobs/get")).isFalse();
        // One level under jobs/ is a request topic whatever its name: these are InvalidTopic, not our outputs.
        assertThat(RequestTopic.isServiceOutput("$aws/things/t1/jobs/accepted")).isFalse();
        assertThat(RequestTopic.isServiceOutput("$aws/things/t1/jobs/rejected")).isFalse();
        assertThat(RequestTopic.parse("$aws/things/t1/jobs/accepted")).isEmpty();
    }
}
