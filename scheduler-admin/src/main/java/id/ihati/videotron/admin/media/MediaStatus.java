package id.ihati.videotron.admin.media;

/** Where an item stands in approval. Only APPROVED items (within their validity) can be booked and played. */
public enum MediaStatus {
    PENDING,
    APPROVED,
    REJECTED
}
