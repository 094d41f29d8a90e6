import GRDB
public enum QuizStorePlaceholder {}
