package dev.iotjobs.mqtt;

import com.hivemq.client.mqtt.exceptions.ConnectionClosedException;
import com.hivemq.client.mqtt.exceptions.ConnectionFailedException;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAckReturnCode;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;

/** Reads why a broker refused a connection: whether to fall back to MQTT 3.1.1, and what to tell the operator. */
final class ProtocolRefusal {
    private ProtocolRefusal() {
    }

    /**
     * @param cause why an MQTT 5 connection failed
     * @return whether the broker refused the protocol version: it answered "unsupported protocol version", sent a
     *     3.1.1 CONNACK that MQTT 5 cannot read (Moquette 0.17), or closed the connection after the CONNECT. A
     *     socket failure, a timeout, TLS or credentials are not.
     */
    static boolean isRefusal(Throwable cause) {
        if (cause instanceof Mqtt5ConnAckException refused) {
            return refused.getMqttMessage().getReasonCode() == Mqtt5ConnAckReasonCode.UNSUPPORTED_PROTOCOL_VERSION;
        }
        if (cause instanceof Mqtt5DisconnectException) {
            return true;
        }
        return cause instanceof ConnectionClosedException;
    }

    /** @return a hint that follows the failure's description in a start failure, or "" */
    static String hint(Throwable cause) {
        if (cause instanceof ConnectionFailedException) {
            return "; is the broker running at that address, and is the scheme (tcp:// or ssl://) right?";
        }
        if (cause instanceof Mqtt5ConnAckException refused) {
            Mqtt5ConnAckReasonCode code = refused.getMqttMessage().getReasonCode();
            if (code == Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD || code == Mqtt5ConnAckReasonCode.NOT_AUTHORIZED) {
                return "; check the bridge's credentials(...) and the broker's access rules";
            }
            if (code == Mqtt5ConnAckReasonCode.UNSUPPORTED_PROTOCOL_VERSION) {
                return "; use protocol(MqttProtocol.AUTO) or V3_1_1";
            }
        }
        if (cause instanceof Mqtt3ConnAckException refused) {
            Mqtt3ConnAckReturnCode code = refused.getMqttMessage().getReturnCode();
            if (code == Mqtt3ConnAckReturnCode.BAD_USER_NAME_OR_PASSWORD || code == Mqtt3ConnAckReturnCode.NOT_AUTHORIZED) {
                return "; check the bridge's credentials(...) and the broker's access rules";
            }
        }
        if (cause instanceof Mqtt5DisconnectException) {
            return "; the broker may not speak MQTT 5: use protocol(MqttProtocol.AUTO) or V3_1_1";
        }
        return "";
    }
}
