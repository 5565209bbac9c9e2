// The namespaces many of this project's files use, named once here (as eShop's projects do); a file names only the others.
global using FacePortal.Shared.Evaluation;
global using FacePortal.Shared.Faces;
global using System.Globalization;
