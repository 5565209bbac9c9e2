namespace FacePortal.Core.Recognition;

/// <summary>Told after a model was put in use in a gallery, or the gallery went back to its enrolled faces (<paramref name="modelId"/> null), once the database has it.</summary>
public interface IActiveModelListener
{
    void ActiveModelChanged(Guid galleryId, Guid? modelId);
}
