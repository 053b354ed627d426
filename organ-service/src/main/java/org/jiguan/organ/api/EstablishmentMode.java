package org.jiguan.organ.api;

/** How an organ is set up (R-ORG-3, Art. 5). MERGED and CO_LOCATED name a related department. */
public enum EstablishmentMode {
    STANDALONE,
    /** 合并设立. */
    MERGED,
    /** 合署办公. */
    CO_LOCATED
}
