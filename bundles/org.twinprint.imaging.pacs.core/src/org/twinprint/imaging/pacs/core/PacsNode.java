package org.twinprint.imaging.pacs.core;

/**
 * A DICOM node to talk to: where it listens, its application entity title (called), and the
 * title TwinPrint introduces itself with (calling).
 */
public record PacsNode(String host, int port, String calledAet, String callingAet) {

    public PacsNode {
        if (host == null || host.isBlank()) {
            throw new org.twinprint.core.spi.BadParameterException("PACS host is empty");
        }
        if (port <= 0 || port > 65535) {
            throw new org.twinprint.core.spi.BadParameterException("PACS port " + port + " is not 1..65535");
        }
        for (String aet : new String[] { calledAet, callingAet }) {
            if (aet == null || aet.isBlank() || aet.length() > 16) {
                throw new org.twinprint.core.spi.BadParameterException("AE title '" + aet + "' must be 1 to 16 characters");
            }
        }
    }

    @Override
    public String toString() {
        return calledAet + "@" + host + ":" + port;
    }
}
