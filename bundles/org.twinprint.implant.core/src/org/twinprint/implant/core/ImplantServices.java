package org.twinprint.implant.core;

/** The catalog ids of the implant bundle's services, for the workbench and the command line. */
public final class ImplantServices {

    /** The cranial implant by mirroring (a segmentation tool: it makes the implant segment). */
    public static final String CRANIAL = "implant.cranial";
    /** The cutting guide (an implant designer). */
    public static final String GUIDE = "implant.guide";
    /** A part fitted onto the bone (an implant designer). */
    public static final String FIT = "implant.fit";
    /** A part turned and shifted by hand (an implant designer). */
    public static final String MOVE = "implant.move";
    /** The post-op model registered onto the plan (an implant designer). */
    public static final String COMPARE = "implant.compare";

    private ImplantServices() {
    }
}
