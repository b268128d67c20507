package app.pathary.testing;

import java.util.Map;

/** One video, one audio and one subtitle stream, keyed as the webhook plugin keys media streams. */
final class FakeWebhookStreams {

    private FakeWebhookStreams() {
    }

    static void add(Map<String, Object> data) {
        data.put("Video_0_Title", "1080p H264 SDR");
        data.put("Video_0_Type", "Video");
        data.put("Video_0_Codec", "h264");
        data.put("Video_0_Profile", "High");
        data.put("Video_0_Level", 40);
        data.put("Video_0_Height", 1080);
        data.put("Video_0_Width", 1920);
        data.put("Video_0_AspectRatio", "16:9");
        data.put("Video_0_Interlaced", false);
        data.put("Video_0_FrameRate", 23.976025);
        data.put("Video_0_VideoRange", "SDR");
        data.put("Video_0_ColorSpace", null);
        data.put("Video_0_ColorTransfer", null);
        data.put("Video_0_ColorPrimaries", null);
        data.put("Video_0_PixelFormat", "yuv420p");
        data.put("Video_0_RefFrames", 1);
        data.put("Audio_0_Title", "English - AAC - Stereo - Default");
        data.put("Audio_0_Type", "Audio");
        data.put("Audio_0_Language", "eng");
        data.put("Audio_0_Codec", "aac");
        data.put("Audio_0_Channels", 2);
        data.put("Audio_0_Bitrate", 192000);
        data.put("Audio_0_SampleRate", 48000);
        data.put("Audio_0_Default", true);
        data.put("Subtitle_0_Title", "English - SUBRIP");
        data.put("Subtitle_0_Type", "Subtitle");
        data.put("Subtitle_0_Language", "eng");
        data.put("Subtitle_0_Codec", "subrip");
        data.put("Subtitle_0_Default", false);
        data.put("Subtitle_0_Forced", false);
        data.put("Subtitle_0_External", false);
    }
}
