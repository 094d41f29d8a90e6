public enum QuizKitPlaceholder {}
