package app.pathary.notify;

import jakarta.mail.Authenticator;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Duration;
import java.util.Properties;

/**
 * E-mail over SMTP (Jakarta Mail, Eclipse Angus): {@code smtp://host:port} uses STARTTLS when the server offers it,
 * {@code smtps://host:port} TLS from the start; a login when a user name is set. Plain-text body.
 */
final class EmailSender implements ChannelSender {
    private final Duration timeout;

    EmailSender(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public void send(Channel channel, Message message) {
        var options = channel.options();
        URI smtp = URI.create(options.url());
        boolean tls = smtp.getScheme().equalsIgnoreCase("smtps");
        String protocol = tls ? "smtps" : "smtp";
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", protocol);
        properties.put("mail." + protocol + ".host", smtp.getHost());
        properties.put("mail." + protocol + ".port", String.valueOf(smtp.getPort() > 0 ? smtp.getPort() : tls ? 465 : 25));
        properties.put("mail." + protocol + ".connectiontimeout", String.valueOf(timeout.toMillis()));
        properties.put("mail." + protocol + ".timeout", String.valueOf(timeout.toMillis()));
        properties.put("mail." + protocol + ".writetimeout", String.valueOf(timeout.toMillis()));
        properties.put("mail.smtp.starttls.enable", "true");
        boolean login = !options.username().isEmpty();
        properties.put("mail." + protocol + ".auth", String.valueOf(login));
        Session session = Session.getInstance(properties, login ? new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(options.username(), options.secret());
            }
        } : null);
        try {
            MimeMessage mail = new MimeMessage(session);
            mail.setFrom(new InternetAddress(options.from()));
            mail.setRecipients(RecipientType.TO, InternetAddress.parse(options.to()));
            mail.setSubject(message.title(), "UTF-8");
            mail.setText(message.plainText(), "UTF-8");
            Transport.send(mail);
        } catch (AddressException e) {
            throw new SendFailure("e-mail channel " + channel.name() + " has an address that is not valid", false);
        } catch (jakarta.mail.AuthenticationFailedException e) {
            throw new SendFailure("the SMTP server of e-mail channel " + channel.name() + " refused the login", false);
        } catch (MessagingException e) {
            throw new SendFailure("e-mail channel " + channel.name() + ": the SMTP server at " + smtp.getHost() + ":" + smtp.getPort()
                    + " did not take the message (" + firstLine(e) + ")", true);
        }
    }

    private static String firstLine(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String text = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return text.lines().findFirst().orElse("").strip();
    }
}
