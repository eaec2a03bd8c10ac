package id.go.imigrasi.mpaspor.biometric.domain;

/** The ten fingers a capture station reports, in the ISO/IEC 19794-4 order (right thumb first). */
public enum Finger {
    RIGHT_THUMB, RIGHT_INDEX, RIGHT_MIDDLE, RIGHT_RING, RIGHT_LITTLE,
    LEFT_THUMB, LEFT_INDEX, LEFT_MIDDLE, LEFT_RING, LEFT_LITTLE
}
