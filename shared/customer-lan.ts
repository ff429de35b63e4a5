/**
 * The port of the customer display served on the shop's network ("Browser (LAN)" setting). Fixed, so
 * the address bookmarked on the tablet survives restarts; the settings screen shows it.
 */
export const CUSTOMER_LAN_PORT = 8788;
