package org.jiguan.organ.api;

/** Where an inspection finding came from (R-SUP-4). */
public enum FindingSource {
    /** 巡视. */
    INSPECTION_TOUR,
    /** 巡察. */
    CIRCUIT_INSPECTION,
    /** 纪委监委及派驻机构监督. */
    DISCIPLINE_SUPERVISION
}
