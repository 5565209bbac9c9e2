namespace FacePortal.Core.Auditing;

/// <summary>The audit trail's action names; stable strings, since old rows keep them.</summary>
public static class AuditActions
{
    public const string PersonCreated = "person.created";
    public const string PersonRenamed = "person.renamed";
    public const string PersonDeleted = "person.deleted";
    public const string PhotoEnrolled = "photo.enrolled";
    public const string PhotoDeleted = "photo.deleted";
    public const string FaceDeleted = "face.deleted";
    public const string FaceMoved = "face.moved";
    public const string PersonMovedGallery = "person.moved-gallery";
    public const string GalleryCreated = "gallery.created";
    public const string GalleryRenamed = "gallery.renamed";
    public const string GalleryDeleted = "gallery.deleted";
    public const string NegativeMarked = "negative.marked";
    public const string NegativeDeleted = "negative.deleted";
    public const string FacesExported = "faces.exported";
    public const string FacesImported = "faces.imported";
    public const string UserCreated = "user.created";
    public const string UserRolesChanged = "user.roles-changed";
    public const string UserGalleriesChanged = "user.galleries-changed";
    public const string UserLocked = "user.locked";
    public const string UserUnlocked = "user.unlocked";
    public const string UserPasswordReset = "user.password-reset";
    public const string UserDeleted = "user.deleted";
    public const string BlobsCollected = "storage.orphans-collected";
    public const string TrainingQueued = "training.queued";
    public const string TrainingCancelled = "training.cancelled";
    public const string TrainingFinished = "training.finished";
    public const string ModelActivated = "model.activated";
    public const string ModelDeleted = "model.deleted";
    public const string RetrainScheduled = "training.schedule-changed";
    public const string ApplicationKeyCreated = "application-key.created";
    public const string ApplicationKeyRotated = "application-key.rotated";
    public const string ApplicationKeyRevoked = "application-key.revoked";
    public const string RecognitionSettingsChanged = "recognition.settings-changed";
}
