package dev.iotjobs.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iotjobs.api.control.CancelJobRequest;
import dev.iotjobs.api.control.DeleteJobRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SPEC E5: the jobs events AWS publishes on $aws/events/..., when the bridge is asked to. */
class JobsEventsTest {
    private TestBroker broker;
    private Fleet fleet;
    private MqttJobsBridge bridge;
    private TestDevice device;
    private TestDevice monitor;

    @BeforeEach
    void start() {
        broker = new TestBroker();
        fleet = new Fleet().thing("t1").thing("t2");
        bridge = MqttJobsBridge.builder().engine(fleet.engine).brokerUri(broker.uri()).jobsEvents(true).build()
                .start();
        device = new TestDevice(broker, "t1");
        monitor = new TestDevice(broker, "monitor", "$aws/events/#");
    }

    @AfterEach
    void stop() {
        monitor.close();
        device.close();
        bridge.close();
        broker.close();
    }

    @Test
    void e5_anExecutionSucceedingAndItsJobCompletingArePublished() {
        fleet.job("j1", "{}", "t1");
        device.accepted("start-next", "{\"statusDetails\":{\"step\":\"one\"}}");
        device.accepted("j1/update", "{\"status\":\"SUCCEEDED\",\"statusDetails\":{\"result\":\"ok\"}}");

        JsonNode succeeded = monitor.next("$aws/events/jobExecution/j1/succeeded");
        assertThat(succeeded.get("eventType").textValue()).isEqualTo("JOB_EXECUTION");
        assertThat(succeeded.get("operation").textValue()).isEqualTo("succeeded");
        assertThat(succeeded.get("jobId").textValue()).isEqualTo("j1");
        assertThat(succeeded.get("thingArn").textValue()).isEqualTo(Fleet.thingArn("t1"));
        assertThat(succeeded.get("status").textValue()).isEqualTo("SUCCEEDED");
        assertThat(succeeded.get("statusDetails").get("result").textValue()).isEqualTo("ok");
        assertThat(succeeded.get("timestamp").isIntegralNumber()).isTrue();
        assertThat(succeeded.get("eventId").textValue()).isNotEmpty();

        JsonNode completed = monitor.next("$aws/events/job/j1/completed");
        assertThat(completed.get("eventType").textValue()).isEqualTo("JOB");
        assertThat(completed.get("operation").textValue()).isEqualTo("completed");
        assertThat(completed.get("status").textValue()).isEqualTo("COMPLETED");
        assertThat(completed.get("targetSelection").textValue()).isEqualTo("SNAPSHOT");
        assertThat(completed.get("targets").get(0).textValue()).isEqualTo(Fleet.thingArn("t1"));
        assertThat(completed.get("description").textValue()).isEqualTo("job j1");
        assertThat(completed.get("createdAt").isIntegralNumber()).isTrue();
        assertThat(completed.get("completedAt").isIntegralNumber()).isTrue();
        assertThat(completed.get("jobProcessDetails").get("numberOfSucceededThings").intValue()).isEqualTo(1);
    }

    @Test
    void e5_aCanceledAndDeletedJobAndItsExecutionsArePublished() {
        fleet.job("j2", "{}", "t1", "t2");
        fleet.engine.controlPlane().cancelJob(CancelJobRequest.builder().jobId("j2").build());
        JsonNode canceled = monitor.next("$aws/events/job/j2/canceled");
        assertThat(canceled.get("status").textValue()).isEqualTo("CANCELED");
        assertThat(monitor.next("$aws/events/jobExecution/j2/canceled").get("thingArn").textValue())
                .startsWith("arn:aws:iot:us-east-1:123456789012:thing/t");

        fleet.engine.controlPlane().deleteJob(DeleteJobRequest.builder().jobId("j2").build());
        assertThat(monitor.next("$aws/events/job/j2/deletion_in_progress").get("status").textValue())
                .isEqualTo("DELETION_IN_PROGRESS");
        fleet.engine.runDueWork();
        JsonNode executionDeleted = monitor.next("$aws/events/jobExecution/j2/deleted");
        assertThat(executionDeleted.get("thingArn").textValue()).startsWith("arn:aws:iot:us-east-1:");
        JsonNode deleted = monitor.next("$aws/events/job/j2/deleted");
        assertThat(deleted.get("operation").textValue()).isEqualTo("deleted");
        assertThat(deleted.get("jobId").textValue()).isEqualTo("j2");
    }
}
