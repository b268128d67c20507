package app.pathary.notify;

/** Delivers a {@link Message} to one kind of channel; throws {@link SendFailure} when the receiver did not take it. */
interface ChannelSender {
    void send(Channel channel, Message message);
}
