namespace FacePortal.Core.Recognition;

/// <summary>Told after a model was put in use, or recognition went back to the gallery (<paramref name="modelId"/> null), once the database has it.</summary>
public interface IActiveModelListener
{
    void ActiveModelChanged(Guid? modelId);
}
