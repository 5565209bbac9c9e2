// The namespaces many of this project's files use, named once here (as eShop's projects do); a file names only the others.
global using FacePortal.Shared.Search;
global using FacePortal.Training.Augmentation;
global using FacePortal.Training.Features;
global using FacePortal.Training.Heads;
global using FacePortal.Training.Transfer;
global using TorchSharp;
