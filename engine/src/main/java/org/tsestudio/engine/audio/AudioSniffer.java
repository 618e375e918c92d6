package org.tsestudio.engine.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.tsestudio.engine.TseException;

/**
 * Tells WAV, FLAC and MP3 apart by their first bytes (file names lie), and turns every reason a
 * path cannot be read into one clear message.
 */
final class AudioSniffer {
  /** The container and the offset where its stream starts (after an ID3v2 tag, if any). */
  record Sniffed(AudioContainer container, long start) {}

  private AudioSniffer() {}

  static Sniffed sniff(Path file) throws TseException {
    checkReadableFile(file);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      if (ch.size() == 0) {
        throw TseException.forFile(file, "file is empty");
      }
      ByteBuffer head = ByteIo.readAt(ch, 0, 12);
      String magic = text(head, 0, 4);
      if (magic.equals("RIFF") || magic.equals("RIFX") || magic.equals("RF64")) {
        return new Sniffed(AudioContainer.WAV, 0);
      }
      long start = 0;
      if (magic.startsWith("ID3")) {
        start = id3Length(file, head);
        magic = text(ByteIo.readAt(ch, start, 4), 0, 4);
      }
      if (magic.equals("fLaC")) {
        return new Sniffed(AudioContainer.FLAC, start);
      }
      if (Mp3Scan.findFirstFrame(ch, start) >= 0) {
        return new Sniffed(AudioContainer.MP3, start);
      }
      throw TseException.forFile(file, notAudio(head));
    } catch (AccessDeniedException e) {
      throw TseException.forFile(file, "cannot read (permission denied)", e);
    } catch (IOException e) {
      throw TseException.forFile(file, "cannot read (" + e.getMessage() + ")", e);
    }
  }

  static void checkReadableFile(Path file) throws TseException {
    if (Files.isDirectory(file)) {
      throw TseException.forFile(file, "is a folder, not an audio file");
    }
    if (!Files.exists(file)) {
      throw TseException.forFile(file, "file not found", new NoSuchFileException(file.toString()));
    }
    if (!Files.isRegularFile(file)) {
      throw TseException.forFile(file, "is not a regular file");
    }
  }

  // ID3v2: "ID3", version (2 bytes), flags, then a 28-bit size stored 7 bits per byte.
  private static long id3Length(Path file, ByteBuffer head) throws TseException {
    if (head.limit() < 10) {
      throw TseException.forFile(file, "truncated ID3 tag");
    }
    int size = 0;
    for (int i = 6; i < 10; i++) {
      int b = head.get(i) & 0xFF;
      if (b >= 0x80) {
        throw TseException.forFile(file, "corrupt ID3 tag");
      }
      size = (size << 7) | b;
    }
    boolean footer = (head.get(5) & 0x10) != 0;
    return 10L + size + (footer ? 10 : 0);
  }

  private static String notAudio(ByteBuffer head) {
    String magic = text(head, 0, 4);
    if (magic.equals("OggS")) {
      return "Ogg audio is not supported (use WAV, FLAC or MP3)";
    }
    if (magic.equals("FORM") && text(head, 8, 4).startsWith("AIF")) {
      return "AIFF is not supported (use WAV, FLAC or MP3)";
    }
    if (text(head, 4, 4).equals("ftyp")) {
      return "MP4/M4A audio is not supported (use WAV, FLAC or MP3)";
    }
    return "not a supported audio file (expected WAV, FLAC or MP3)";
  }

  private static String text(ByteBuffer b, int at, int len) {
    if (b.limit() < at + len) {
      return "";
    }
    byte[] bytes = new byte[len];
    b.get(at, bytes);
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }
}
