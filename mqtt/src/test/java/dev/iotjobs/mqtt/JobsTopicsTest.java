package dev.iotjobs.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.datatypes.MqttSharedTopicFilter;
import com.hivemq.client.mqtt.datatypes.MqttTopic;
import com.hivemq.client.mqtt.datatypes.MqttTopicFilter;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.Mqtt3Subscription;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscription;
import org.junit.jupiter.api.Test;

class JobsTopicsTest {

    @Test
    void w4_oneLevelUnderJobsIsOneFilterSoThatUnknownNamesAreInvalidTopicsAndTwoLevelsAreTheTwoOperations() {
        assertThat(JobsTopics.requestFilters(null)).containsExactly(
                "$aws/things/+/jobs/+",
                "$aws/things/+/jobs/+/get",
                "$aws/things/+/jobs/+/update");
    }

    @Test
    void w4_noFilterMatchesAnAnswerTheBridgePublishes() {
        for (String answer : new String[] {"$aws/things/t1/jobs/get/accepted", "$aws/things/t1/jobs/start-next/rejected",
                "$aws/things/t1/jobs/j1/get/accepted", "$aws/things/t1/jobs/j1/update/rejected",
                "$aws/things/t1/jobs/foo/rejected", "$aws/things/t1/jobs/get/get/accepted"}) {
            for (String filter : JobsTopics.REQUEST_FILTERS) {
                assertThat(MqttTopicFilter.of(filter).matches(MqttTopic.of(answer))).as(filter + " vs " + answer)
                        .isFalse();
            }
        }
        // Only the notifications come back, through the one-level filter, and each request matches one filter.
        assertThat(JobsTopics.REQUEST_FILTERS).filteredOn(filter -> MqttTopicFilter.of(filter)
                .matches(MqttTopic.of("$aws/things/t1/jobs/notify-next"))).hasSize(1);
        for (String request : new String[] {"$aws/things/t1/jobs/get", "$aws/things/t1/jobs/start-next",
                "$aws/things/t1/jobs/get/get", "$aws/things/t1/jobs/start-next/update", "$aws/things/t1/jobs/foo"}) {
            assertThat(JobsTopics.REQUEST_FILTERS).as(request)
                    .filteredOn(filter -> MqttTopicFilter.of(filter).matches(MqttTopic.of(request))).hasSize(1);
        }
    }

    @Test
    void w6_aSharedGroupSubscribesThroughShare() {
        assertThat(JobsTopics.requestFilters("jobs-engine")).containsExactly(
                "$share/jobs-engine/$aws/things/+/jobs/+",
                "$share/jobs-engine/$aws/things/+/jobs/+/get",
                "$share/jobs-engine/$aws/things/+/jobs/+/update");
    }

    @Test
    void w4_overMqtt5OwnPublishesStayOutExceptThroughASharedGroupWhereNoLocalIsForbidden() {
        for (String filter : JobsTopics.requestFilters(null)) {
            assertThat(Mqtt5Link.subscription(filter).isNoLocal()).as(filter).isTrue();
        }
        for (String filter : JobsTopics.requestFilters("jobs-engine")) {
            assertThat(Mqtt5Link.subscription(filter).isNoLocal()).as(filter).isFalse();
        }
    }

    @Test
    void w6_theMqttClientReadsTheSharedFiltersAsShared() {
        for (String filter : JobsTopics.requestFilters("jobs-engine")) {
            MqttTopicFilter parsed = MqttTopicFilter.of(filter);
            assertThat(parsed.isShared()).as(filter).isTrue();
            MqttSharedTopicFilter shared = (MqttSharedTopicFilter) parsed;
            assertThat(shared.getShareName()).isEqualTo("jobs-engine");
            assertThat(JobsTopics.REQUEST_FILTERS).contains(shared.getTopicFilter().toString());
            // Both protocol versions accept them (brokers such as Mosquitto offer $share over 3.1.1 too).
            assertThat(Mqtt5Subscription.builder().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).build()
                    .getTopicFilter().isShared()).isTrue();
            assertThat(Mqtt3Subscription.builder().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).build()
                    .getTopicFilter().isShared()).isTrue();
        }
    }

    @Test
    void w6_aSharedGroupNameMayNotHoldTopicSyntax() {
        assertThat(JobsTopics.sharedGroupProblem("jobs-engine")).isNull();
        assertThat(JobsTopics.sharedGroupProblem("")).contains("empty");
        assertThat(JobsTopics.sharedGroupProblem("a/b")).contains("'/'");
        assertThat(JobsTopics.sharedGroupProblem("a+")).contains("'+'");
        assertThat(JobsTopics.sharedGroupProblem("#")).contains("'#'");
    }

    @Test
    void answersNotificationsAndEventsGoWhereAwsSendsThem() {
        assertThat(JobsTopics.accepted("$aws/things/t1/jobs/get")).isEqualTo("$aws/things/t1/jobs/get/accepted");
        assertThat(JobsTopics.rejected("$aws/things/t1/jobs/j1/update"))
                .isEqualTo("$aws/things/t1/jobs/j1/update/rejected");
        assertThat(JobsTopics.notify("t1")).isEqualTo("$aws/things/t1/jobs/notify");
        assertThat(JobsTopics.notifyNext("t1")).isEqualTo("$aws/things/t1/jobs/notify-next");
        assertThat(JobsTopics.jobEvent("j1", "completed")).isEqualTo("$aws/events/job/j1/completed");
        assertThat(JobsTopics.jobExecutionEvent("j1", "succeeded"))
                .isEqualTo("$aws/events/jobExecution/j1/succeeded");
    }
}
